package cn.jiangmen.innovation.gateway.session;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.resource.ClientResource;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.jiangmen.innovation.gateway.GatewayBrowser;
import cn.jiangmen.innovation.gateway.StubUpstream;
import cn.jiangmen.innovation.testsupport.TestInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Keycloak session that ends at Keycloak (admin logout, as when a user is disabled or signs out
 * elsewhere) through a real gateway: with back-channel logout the gateway session is deleted; when
 * Keycloak cannot tell the gateway, the next token refresh fails and the caller gets a 401 or a
 * new sign-in, not a 500. Each test uses its own throwaway Keycloak user, so logging it out
 * touches no one else's session on a shared test Keycloak.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class KeycloakSessionIT {

	static final StubUpstream STUB = StubUpstream.start();

	static final TestInfrastructure INFRA = TestInfrastructure.get();

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		for (String route : new String[] { "PORTAL_URL", "TALENT_URL", "REVIEW_URL", "PROJECT_URL", "FUNDING_URL" }) {
			registry.add(route, STUB::url);
		}
		registry.add("jiangmen.security.jwt.issuer-uri", INFRA::issuerUri);
		registry.add("jiangmen.gateway.oidc.issuer-uri", INFRA::issuerUri);
		registry.add("jiangmen.gateway.security.keycloak-url", INFRA::keycloakUrl);
		registry.add("spring.data.redis.host", INFRA::redisHost);
		registry.add("spring.data.redis.port", INFRA::redisPort);
	}

	@AfterAll
	static void stopStub() {
		STUB.close();
	}

	@Value("${local.server.port}")
	int port;

	@Autowired
	StringRedisTemplate redis;

	@Test
	void aSessionEndedAtKeycloakIsGoneAtTheGateway() throws InterruptedException {
		String gateway = "http://localhost:" + port;
		INFRA.tokens().allowGatewayRedirect(gateway);
		withGatewayClient(attributes -> attributes.put("backchannel.logout.url",
				gateway + "/logout/connect/back-channel/keycloak"), () -> withThrowawayUser(user -> {
					GatewayBrowser browser = GatewayBrowser.signedIn(gateway, user.getUsername());
					assertThat(browser.get("/applications", "zh-CN").statusCode()).isEqualTo(200);
					String sessionKey = "jiangmen:gateway:session:sessions:" + browser.cookie("JIANGMEN_SESSION");
					assertThat(redis.hasKey(sessionKey)).isTrue();

					// Keycloak posts a signed logout token to the gateway before this call returns
					realm().users().get(user.getId()).logout();

					HttpResponse<String> after = awaitRedirect(browser);
					assertThat(after.headers().firstValue("Location")).contains("/oauth2/authorization/keycloak");
					assertThat(redis.hasKey(sessionKey)).isFalse();
				}));
	}

	@Test
	void anExpiredSignInThatCannotBeRefreshedIs401NotA500() throws InterruptedException {
		String gateway = "http://localhost:" + port;
		INFRA.tokens().allowGatewayRedirect(gateway);
		// 61 s tokens: the gateway refreshes a token 60 s before it expires, i.e. on the next call;
		// no back-channel URL: Keycloak ends its session without telling the gateway
		withGatewayClient(attributes -> {
			attributes.put("access.token.lifespan", "61");
			attributes.put("backchannel.logout.url", "");
		}, () -> withThrowawayUser(user -> {
			GatewayBrowser browser = GatewayBrowser.signedIn(gateway, user.getUsername());
			realm().users().get(user.getId()).logout();
			Thread.sleep(1500);

			HttpResponse<String> api = browser.getJson("/api/talent/applications");
			assertThat(api.statusCode()).isEqualTo(401);
			assertThat(api.headers().firstValue("Content-Type")).contains("application/problem+json");
			assertThat(api.headers().firstValue("WWW-Authenticate")).contains("Bearer error=\"invalid_token\"");

			HttpResponse<String> page = browser.get("/applications", "zh-CN");
			// a new sign-in: through the gateway's login path, or straight to Keycloak's
			assertThat(page.statusCode()).isEqualTo(302);
			assertThat(page.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location)
				.containsAnyOf("/oauth2/authorization/keycloak", "/protocol/openid-connect/auth"));
		}));
	}

	private static HttpResponse<String> awaitRedirect(GatewayBrowser browser) throws InterruptedException {
		Instant deadline = Instant.now().plusSeconds(10);
		HttpResponse<String> response = browser.get("/applications", "zh-CN");
		while (response.statusCode() == 200 && Instant.now().isBefore(deadline)) {
			Thread.sleep(200);
			response = browser.get("/applications", "zh-CN");
		}
		assertThat(response.statusCode()).isEqualTo(302);
		return response;
	}

	private static RealmResource realm() {
		return INFRA.tokens().admin().realm("jiangmen");
	}

	interface Step {

		void run() throws InterruptedException;

	}

	interface UserStep {

		void run(UserRepresentation user) throws InterruptedException;

	}

	/** Changes the gateway client's attributes for one step, then puts the old ones back. */
	private static void withGatewayClient(Consumer<Map<String, String>> change, Step step) throws InterruptedException {
		ClientResource client = realm().clients().get(
				realm().clients().findByClientId("jiangmen-gateway").get(0).getId());
		ClientRepresentation before = client.toRepresentation();
		Map<String, String> original = new HashMap<>(before.getAttributes());
		Map<String, String> changed = new HashMap<>(original);
		change.accept(changed);
		before.setAttributes(changed);
		client.update(before);
		try {
			step.run();
		}
		finally {
			ClientRepresentation restore = client.toRepresentation();
			restore.setAttributes(original);
			client.update(restore);
		}
	}

	private static void withThrowawayUser(UserStep step) throws InterruptedException {
		String name = "gateway-it-" + UUID.randomUUID().toString().substring(0, 8);
		UserRepresentation user = new UserRepresentation();
		user.setUsername(name);
		user.setEmail(name + "@example.org");
		user.setFirstName("Gateway");
		user.setLastName("Test");
		user.setEnabled(true);
		user.setEmailVerified(true);
		CredentialRepresentation password = new CredentialRepresentation();
		password.setType(CredentialRepresentation.PASSWORD);
		password.setValue("demo");
		password.setTemporary(false);
		user.setCredentials(List.of(password));
		String id;
		try (Response created = realm().users().create(user)) {
			id = CreatedResponseUtil.getCreatedId(created);
		}
		user.setId(id);
		try {
			step.run(user);
		}
		finally {
			realm().users().get(id).remove();
		}
	}

}
