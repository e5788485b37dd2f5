package cn.jiangmen.innovation.platform.security;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import cn.jiangmen.innovation.platform.domain.Caller;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;

import static org.assertj.core.api.Assertions.assertThat;

/** The caller's organisation comes from Keycloak Organizations' {@code organization} claim, and only from it. */
class CurrentUserTest {

	static final UUID ORG = UUID.fromString("7d1c2a8e-0000-4000-8000-000000000001");

	private final JwtAuthenticationConverter converter = converter();

	@AfterEach
	void clear() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void organisationIsTheIdOfTheOneMembershipInTheClaim() {
		Caller caller = caller(Map.of("organization", Map.of("jm-optoelectronics", Map.of("id", ORG.toString()))));
		assertThat(caller.organisationId()).contains(ORG);
		assertThat(caller.isApplicantOf(ORG)).isTrue();
		assertThat(caller.username()).isEqualTo("applicant1");
	}

	@Test
	void noClaimMeansNoOrganisation() {
		Caller caller = caller(Map.of());
		assertThat(caller.organisationId()).isEmpty();
		assertThat(caller.isApplicantOf(ORG)).isFalse();
	}

	@Test
	void theOldUserAttributeClaimGrantsNothing() {
		assertThat(caller(Map.of("organisation_id", ORG.toString())).organisationId()).isEmpty();
	}

	@Test
	void claimsWithoutExactlyOneWellFormedIdGrantNothing() {
		// aliases only (the mapper's String type)
		assertThat(caller(Map.of("organization", List.of("jm-optoelectronics"))).organisationId()).isEmpty();
		// a membership without id
		assertThat(caller(Map.of("organization", Map.of("jm-optoelectronics", Map.of()))).organisationId()).isEmpty();
		// not a UUID
		assertThat(caller(Map.of("organization", Map.of("x", Map.of("id", "not-a-uuid")))).organisationId()).isEmpty();
		// two organisations: which one the applicant acts for is not guessed
		assertThat(caller(Map.of("organization", Map.of("a", Map.of("id", ORG.toString()), "b",
				Map.of("id", UUID.randomUUID().toString())))).organisationId()).isEmpty();
	}

	private Caller caller(Map<String, Object> claims) {
		var claimsWithUser = new java.util.HashMap<String, Object>(claims);
		claimsWithUser.put("preferred_username", "applicant1");
		claimsWithUser.put("realm_access", Map.of("roles", List.of("applicant")));
		SecurityContextHolder.getContext()
			.setAuthentication(this.converter.convert(KeycloakRealmRoleConverterTest.jwt(claimsWithUser)));
		Caller caller = Callers.current();
		assertThat(caller.roles()).containsExactly("applicant");
		assertThat(caller.organisationId()).isInstanceOf(Optional.class);
		return caller;
	}

	private static JwtAuthenticationConverter converter() {
		JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
		converter.setJwtGrantedAuthoritiesConverter(new KeycloakRealmRoleConverter());
		converter.setPrincipalClaimName("preferred_username");
		return converter;
	}

}
