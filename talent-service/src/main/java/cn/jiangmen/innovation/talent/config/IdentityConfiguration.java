package cn.jiangmen.innovation.talent.config;

import java.nio.charset.StandardCharsets;

import cn.jiangmen.innovation.talent.domain.IdentityFingerprint;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Keys identity fingerprints with the configured secret; a missing or short secret stops the start. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IdentityProperties.class)
class IdentityConfiguration {

	@Bean
	IdentityFingerprint identityFingerprint(IdentityProperties properties) {
		if (properties.secret() == null || properties.secret().isBlank()) {
			throw new IllegalStateException("Set talent.identity.secret (TALENT_IDENTITY_SECRET), at least "
					+ IdentityFingerprint.MIN_SECRET_BYTES + " bytes");
		}
		return IdentityFingerprint.hmacSha256(properties.secret().getBytes(StandardCharsets.UTF_8));
	}

}
