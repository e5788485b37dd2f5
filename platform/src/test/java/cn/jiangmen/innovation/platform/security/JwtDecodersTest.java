package cn.jiangmen.innovation.platform.security;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;

class JwtDecodersTest {

	private static final String ISSUER = "http://localhost:8180/realms/jiangmen";

	private final OAuth2TokenValidator<Jwt> validator = JwtDecoders.validator(ISSUER + "/",
			new JwtSecurityProperties("jiangmen-api", Duration.ofSeconds(5), 0, Duration.ZERO));

	@Test
	void acceptsTokenForTheApiFromTheRealm() {
		assertThat(this.validator.validate(token(ISSUER, List.of("account", "jiangmen-api"), 60)).hasErrors())
			.isFalse();
	}

	@Test
	void refusesWrongAudience() {
		assertThat(this.validator.validate(token(ISSUER, List.of("account"), 60)).hasErrors()).isTrue();
	}

	@Test
	void refusesOtherIssuer() {
		assertThat(this.validator.validate(token("http://evil/realms/jiangmen", List.of("jiangmen-api"), 60))
			.hasErrors()).isTrue();
	}

	@Test
	void refusesExpiredBeyondClockSkew() {
		assertThat(this.validator.validate(token(ISSUER, List.of("jiangmen-api"), -10)).hasErrors()).isTrue();
		assertThat(this.validator.validate(token(ISSUER, List.of("jiangmen-api"), -2)).hasErrors()).isFalse();
	}

	@Test
	void jwksLocationIsTheKeycloakCertsEndpoint() {
		assertThat(JwtDecoders.jwkSetUri(ISSUER)).isEqualTo(ISSUER + "/protocol/openid-connect/certs");
	}

	private static Jwt token(String issuer, List<String> audience, long expiresInSeconds) {
		Instant now = Instant.now();
		return Jwt.withTokenValue("t")
			.header("alg", "RS256")
			.issuer(issuer)
			.audience(audience)
			.subject("s")
			.issuedAt(now.minusSeconds(120))
			.expiresAt(now.plusSeconds(expiresInSeconds))
			.build();
	}

}
