package cn.jiangmen.innovation.funding;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class FundingServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(FundingServiceApplication.class, args);
	}

}
