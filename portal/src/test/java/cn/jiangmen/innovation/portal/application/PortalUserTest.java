package cn.jiangmen.innovation.portal.application;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.jiangmen.innovation.platform.organisation.InMemoryOrganisationDirectory;
import cn.jiangmen.innovation.platform.organisation.Organisation;
import cn.jiangmen.innovation.platform.organisation.OrganisationKind;
import cn.jiangmen.innovation.platform.security.KeycloakRealmRoleConverter;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import static org.assertj.core.api.Assertions.assertThat;

class PortalUserTest {

	static final UUID ORG = UUID.fromString("7d1c2a8e-0000-4000-8000-000000000001");

	@Test
	void aChineseNameIsFamilyNameFirstAsTheExpertPoolWritesIt() {
		// what Keycloak issues for expert1: name = "given family"
		PortalUser expert = PortalUser.from(token(Map.of("name", "卫国 张", "given_name", "卫国", "family_name", "张")));
		assertThat(expert.displayName()).isEqualTo("张卫国");
		PortalUser manager = PortalUser.from(token(Map.of("name", "Qiang Wu", "given_name", "Qiang", "family_name", "Wu")));
		assertThat(manager.displayName()).isEqualTo("Qiang Wu");
	}

	@Test
	void theOrganisationNameComesFromTheDirectoryByTheTokensOrganisation() {
		var directory = new InMemoryOrganisationDirectory(List.of(new Organisation(ORG, "江门市光电科技有限公司",
				"91440703MA4UJM0L1T", OrganisationKind.ENTERPRISE, "江门市蓬江区")));
		var claims = Map.<String, Object>of("organization", Map.of("jm-optoelectronics", Map.of("id", ORG.toString())));
		assertThat(PortalUser.from(token(claims), directory).organisationName()).contains("江门市光电科技有限公司");
		assertThat(PortalUser.from(token(claims)).organisationName()).isEmpty();
		assertThat(PortalUser.from(token(Map.of()), directory).organisationName()).isEmpty();
	}

	private static JwtAuthenticationToken token(Map<String, Object> claims) {
		Jwt jwt = Jwt.withTokenValue("t")
			.header("alg", "RS256")
			.subject("sub")
			.issuedAt(Instant.now())
			.expiresAt(Instant.now().plusSeconds(60))
			.claim("preferred_username", "user")
			.claim("realm_access", Map.of("roles", List.of("applicant")))
			.claims(c -> c.putAll(claims))
			.build();
		return new JwtAuthenticationToken(jwt, new KeycloakRealmRoleConverter().convert(jwt));
	}

}
