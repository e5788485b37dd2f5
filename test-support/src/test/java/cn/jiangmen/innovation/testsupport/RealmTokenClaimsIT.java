package cn.jiangmen.innovation.testsupport;

import java.io.InputStream;
import java.util.List;
import java.util.Map;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.ClientScopeRepresentation;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The suite's access tokens carry only what the suite needs (issue 9): audience {@code jiangmen-api}
 * and realm roles, no {@code account} audience and no client roles such as {@code manage-account}
 * that would let a relayed token manage the user's Keycloak account.
 */
class RealmTokenClaimsIT {

	static final TestInfrastructure infra = TestInfrastructure.get();

	@Test
	void userTokensCarryOnlyTheApiAudienceAndRealmRoles() throws Exception {
		JWTClaimsSet claims = SignedJWT.parse(infra.tokens().accessToken("applicant1")).getJWTClaimsSet();
		assertThat(claims.getAudience()).containsExactly(KeycloakTokens.API_AUDIENCE);
		assertThat(claims.getClaims()).doesNotContainKey("resource_access");
		assertThat(realmRoles(claims)).contains("applicant").doesNotContain("manage-account");
	}

	@Test
	void serviceAccountTokensCarryOnlyTheApiAudience() throws Exception {
		JWTClaimsSet claims = SignedJWT.parse(infra.tokens().serviceAccountToken()).getJWTClaimsSet();
		assertThat(claims.getAudience()).containsExactly(KeycloakTokens.API_AUDIENCE);
		assertThat(claims.getClaims()).doesNotContainKey("resource_access");
		assertThat(realmRoles(claims)).contains("service");
	}

	/** The tests' password-grant client stands in for the gateway: it must get the gateway's scopes. */
	@Test
	void theTestClientHasTheGatewayClientsScopes() throws Exception {
		JsonNode realm;
		try (InputStream in = getClass().getResourceAsStream("/realm/jiangmen-realm.json")) {
			realm = JsonMapper.builder().build().readTree(in);
		}
		List<String> gateway = null;
		for (JsonNode client : realm.get("clients")) {
			if (client.get("clientId").asString().equals("jiangmen-gateway")) {
				gateway = client.get("defaultClientScopes").valueStream().map(JsonNode::asString).toList();
			}
		}
		infra.tokens().accessToken("applicant1"); // the test clients are made on first use
		ClientRepresentation testClient = infra.tokens().admin().realm(TestInfrastructure.REALM).clients()
			.findByClientId(KeycloakTokens.TEST_CLIENT).get(0);
		List<String> testScopes = infra.tokens().admin().realm(TestInfrastructure.REALM).clients()
			.get(testClient.getId()).getDefaultClientScopes().stream().map(ClientScopeRepresentation::getName).toList();
		assertThat(testScopes).containsExactlyInAnyOrderElementsOf(gateway);
	}

	@SuppressWarnings("unchecked")
	private static List<String> realmRoles(JWTClaimsSet claims) {
		Map<String, Object> realmAccess = (Map<String, Object>) claims.getClaim("realm_access");
		return (List<String>) realmAccess.get("roles");
	}

}
