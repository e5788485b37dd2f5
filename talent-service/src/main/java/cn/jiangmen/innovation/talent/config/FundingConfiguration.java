package cn.jiangmen.innovation.talent.config;

import cn.jiangmen.innovation.talent.domain.FundingOverlap;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FundingProperties.class)
class FundingConfiguration {

	@Bean
	FundingOverlap fundingOverlap(FundingProperties properties) {
		return new FundingOverlap(properties.supportPeriod());
	}

}
