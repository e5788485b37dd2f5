package cn.jiangmen.innovation.platform.security;

import java.util.List;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Builds the one way tokens are checked everywhere: signature against the realm's JWKS, issuer,
 * audience and expiry with a small clock skew.
 */
public final class JwtDecoders {

	private JwtDecoders() {
	}

	/**
	 * The JWKS location is derived instead of discovered so that a service starts (and reports
	 * itself not ready) while Keycloak is still down; keys are fetched on first use and cached.
	 */
	public static JwtDecoder forIssuer(String issuerUri, JwtSecurityProperties properties) {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(jwkSetUri(issuerUri)).build();
		decoder.setJwtValidator(validator(issuerUri, properties));
		return properties.cacheSize() > 0 ? new CachingJwtDecoder(decoder,
				new JwtTimestampValidator(properties.clockSkew()), properties.cacheSize(), properties.cacheTtl())
				: decoder;
	}

	public static String jwkSetUri(String issuerUri) {
		return stripTrailingSlash(issuerUri) + "/protocol/openid-connect/certs";
	}

	public static OAuth2TokenValidator<Jwt> validator(String issuerUri, JwtSecurityProperties properties) {
		JwtClaimValidator<List<String>> audience = new JwtClaimValidator<>(JwtClaimNames.AUD,
				aud -> aud != null && aud.contains(properties.audience()));
		return new DelegatingOAuth2TokenValidator<>(List.of(new JwtTimestampValidator(properties.clockSkew()),
				new JwtIssuerValidator(stripTrailingSlash(issuerUri)), audience));
	}

	private static String stripTrailingSlash(String uri) {
		return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
	}

}
