package cn.jiangmen.innovation.talent;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class TalentServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(TalentServiceApplication.class, args);
	}

}
