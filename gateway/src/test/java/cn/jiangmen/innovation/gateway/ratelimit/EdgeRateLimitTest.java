package cn.jiangmen.innovation.gateway.ratelimit;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.jiangmen.innovation.gateway.StubUpstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockOidcLogin;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.springSecurity;

/**
 * The edge's limit against the real local Redis: one bucket per user across all routes, and one
 * per client IP for anonymous callers (each test its own user or address, as buckets outlive runs).
 */
@SpringBootTest(properties = { "jiangmen.gateway.rate-limit.replenish-rate=1",
		"jiangmen.gateway.rate-limit.burst-capacity=3", "jiangmen.gateway.rate-limit.anonymous-replenish-rate=1",
		"jiangmen.gateway.rate-limit.anonymous-burst-capacity=3", "jiangmen.gateway.rate-limit.trusted-proxies=1" })
class EdgeRateLimitTest {

	static final StubUpstream STUB = StubUpstream.start();

	static final String[] ROUTES = { "/api/talent/a", "/api/review/b", "/api/projects/c", "/api/funding/d" };

	@DynamicPropertySource
	static void routesToStub(DynamicPropertyRegistry registry) {
		for (String route : new String[] { "PORTAL_URL", "TALENT_URL", "REVIEW_URL", "PROJECT_URL", "FUNDING_URL" }) {
			registry.add(route, STUB::url);
		}
		registry.add("jiangmen.gateway.oidc.issuer-uri", STUB::issuer);
		registry.add("jiangmen.security.jwt.issuer-uri", STUB::issuer);
	}

	@AfterAll
	static void stopStub() {
		STUB.close();
	}

	@Autowired
	ApplicationContext context;

	WebTestClient client;

	@BeforeEach
	void bindClient() {
		client = WebTestClient.bindToApplicationContext(context).apply(springSecurity())
			.configureClient()
			.responseTimeout(Duration.ofSeconds(30))
			.build();
	}

	@Test
	void aUserHasOneBurstAcrossAllRoutes() {
		var user = mockOidcLogin().clientRegistration(keycloak())
			.idToken(token -> token.subject("user-" + UUID.randomUUID()));
		int refusedAt = 0;
		for (int i = 0; i < 12 && refusedAt == 0; i++) {
			int status = client.mutateWith(user).get().uri(ROUTES[i % 4]).exchange().returnResult(Void.class)
				.getStatus().value();
			refusedAt = (status == 429) ? i + 1 : 0;
		}
		// burst 3 (plus tokens refilled on a slow machine); with a bucket per route the first refusal
		// would come only at the 13th request, after this loop
		assertThat(refusedAt).isBetween(4, 12);
	}

	@Test
	void anonymousCallersAreLimitedByTheirAddress() {
		String address = "10.9." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250);
		// judge the refusal itself: a further request could meet a token refilled meanwhile
		HttpHeaders refused = null;
		for (int i = 0; i < 10 && refused == null; i++) {
			var result = client.get().uri(ROUTES[i % 4]).header("X-Forwarded-For", address).exchange()
				.returnResult(Void.class);
			if (result.getStatus().value() == 429) {
				refused = result.getResponseHeaders();
			}
		}
		assertThat(refused).as("no 429 within 10 requests").isNotNull();
		assertThat(refused.getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
		assertThat(refused.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		// another address is not affected
		client.get()
			.uri("/api/talent/a")
			.header("X-Forwarded-For", "10.8.0." + (int) (Math.random() * 250))
			.exchange()
			.expectStatus()
			.isUnauthorized();
	}

	private static ClientRegistration keycloak() {
		return ClientRegistration.withRegistrationId("keycloak")
			.clientId("jiangmen-gateway")
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
			.authorizationUri(STUB.issuer() + "/auth")
			.tokenUri(STUB.issuer() + "/token")
			.build();
	}

}
