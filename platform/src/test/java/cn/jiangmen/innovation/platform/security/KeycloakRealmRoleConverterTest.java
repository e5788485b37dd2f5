package cn.jiangmen.innovation.platform.security;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;

class KeycloakRealmRoleConverterTest {

	private final KeycloakRealmRoleConverter converter = new KeycloakRealmRoleConverter();

	@Test
	void mapsRealmRolesToSpringRoles() {
		Jwt jwt = jwt(Map.of("realm_access", Map.of("roles", List.of("applicant", "offline_access"))));
		assertThat(this.converter.convert(jwt)).extracting(GrantedAuthority::getAuthority)
			.containsExactlyInAnyOrder("ROLE_applicant", "ROLE_offline_access");
	}

	@Test
	void tokenWithoutRealmAccessGrantsNothing() {
		assertThat(this.converter.convert(jwt(Map.of("scope", "openid")))).isEmpty();
		assertThat(this.converter.convert(jwt(Map.of("realm_access", Map.of("roles", "admin"))))).isEmpty();
	}

	static Jwt jwt(Map<String, Object> claims) {
		return Jwt.withTokenValue("t")
			.header("alg", "RS256")
			.subject("user")
			.issuedAt(Instant.now())
			.expiresAt(Instant.now().plusSeconds(60))
			.claims(c -> c.putAll(claims))
			.build();
	}

}
