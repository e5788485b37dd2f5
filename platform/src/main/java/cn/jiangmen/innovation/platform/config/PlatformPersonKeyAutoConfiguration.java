package cn.jiangmen.innovation.platform.config;

import java.nio.charset.StandardCharsets;

import cn.jiangmen.innovation.platform.domain.PersonNameKey;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** Person name keys under the suite's secret; a secret shorter than 32 bytes stops the start. */
@AutoConfiguration
@EnableConfigurationProperties(PersonKeyProperties.class)
@ConditionalOnProperty(prefix = "jiangmen.person-keys", name = "secret")
public class PlatformPersonKeyAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	PersonNameKey personNameKey(PersonKeyProperties properties) {
		return PersonNameKey.hmacSha256(properties.secret().getBytes(StandardCharsets.UTF_8));
	}

}
