package cn.jiangmen.innovation.portal.web;

import java.util.List;
import java.util.Map;

import cn.jiangmen.innovation.platform.security.KeycloakRealmRoleConverter;

import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

/** Access tokens shaped like the realm's (realm roles, preferred_username, organisation claims). */
final class TestUsers {

	static final String ORGANISATION = "江门市光电科技有限公司";

	private TestUsers() {
	}

	static JwtRequestPostProcessor user(String username, String name, String... roles) {
		return jwt().jwt(jwt -> jwt.tokenValue(username + "-token")
			.subject("sub-" + username)
			.claim("preferred_username", username)
			.claim("name", name)
			.claim("realm_access", Map.of("roles", List.of(roles))))
			.authorities(new KeycloakRealmRoleConverter());
	}

	static JwtRequestPostProcessor applicant() {
		return jwt().jwt(jwt -> jwt.tokenValue("applicant1-token")
			.subject("sub-applicant1")
			.claim("preferred_username", "applicant1")
			.claim("name", "李华")
			.claim("organization", Map.of("jm-optoelectronics", Map.of("id", "7d1c2a8e-0000-4000-8000-000000000001")))
			.claim("realm_access", Map.of("roles", List.of("applicant"))))
			.authorities(new KeycloakRealmRoleConverter());
	}

	static JwtRequestPostProcessor manager() {
		return user("manager", "王经理", "program-manager");
	}

}
