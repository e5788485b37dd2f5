package cn.jiangmen.innovation.gateway.security;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;

/** Validation of Bearer tokens presented by machine clients. */
@Configuration(proxyBeanMethods = false)
class JwtConfig {

	/**
	 * Issuer, audience {@code jiangmen-api} and expiry with a small, explicit clock skew (the
	 * library default is 60 s). The JWK set is looked up from the issuer on first use, so the
	 * gateway starts without Keycloak.
	 */
	@Bean
	ReactiveJwtDecoder jwtDecoder(JwtProperties jwt) {
		NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withIssuerLocation(jwt.issuerUri()).build();
		JwtTimestampValidator timestamps = new JwtTimestampValidator(jwt.clockSkew());
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(timestamps,
				new JwtIssuerValidator(jwt.issuerUri()), new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
						aud -> aud != null && aud.contains(jwt.audience()))));
		return jwt.cacheSize() > 0 ? new CachingReactiveJwtDecoder(decoder, timestamps, jwt.cacheSize(), jwt.cacheTtl())
				: decoder;
	}

	@Bean
	ReactiveJwtAuthenticationConverterAdapter jwtAuthenticationConverter() {
		JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
		converter.setJwtGrantedAuthoritiesConverter(new KeycloakRealmRoleConverter());
		return new ReactiveJwtAuthenticationConverterAdapter(converter);
	}

}
