package cn.jiangmen.innovation.gateway.security;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.jiangmen.innovation.gateway.StubUpstream;
import cn.jiangmen.innovation.testsupport.TestInfrastructure;

/**
 * Machine clients with real Keycloak tokens from the shared fixture, through the real (Netty)
 * gateway to a stub upstream that echoes what it received.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayBearerTokenIT {

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

	WebTestClient client;

	@BeforeEach
	void bindClient() {
		client = WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + port)
			.responseTimeout(Duration.ofSeconds(30))
			.build();
	}

	@Test
	void validBearerTokenReachesTheRouteAndIsForwardedUnchanged() {
		String token = INFRA.tokens().accessToken("applicant1");
		client.get()
			.uri("/api/talent/applications")
			.headers(h -> h.setBearerAuth(token))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.path")
			.isEqualTo("/api/talent/applications")
			.jsonPath("$.authorization")
			.isEqualTo("Bearer " + token);
	}

	@Test
	void bearerPostNeedsNoCsrfToken() {
		String token = INFRA.tokens().accessToken("applicant1");
		client.post()
			.uri("/api/projects/proposals")
			.headers(h -> h.setBearerAuth(token))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"title\":\"LED 背光模组\"}")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.body")
			.isEqualTo("{\"title\":\"LED 背光模组\"}");
	}

	@Test
	void prometheusIsForTheScraperAndOperatorsOnly() {
		client.get()
			.uri("/actuator/prometheus")
			.headers(h -> h.setBearerAuth(INFRA.tokens().serviceAccountToken()))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value(body -> org.assertj.core.api.Assertions.assertThat(body).contains("jvm_memory_used_bytes"));
		client.get()
			.uri("/actuator/prometheus")
			.headers(h -> h.setBearerAuth(INFRA.tokens().accessToken("applicant1")))
			.exchange()
			.expectStatus()
			.isForbidden();
		client.get().uri("/actuator/prometheus").exchange().expectStatus().isUnauthorized();
		// the probes stay public
		client.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
	}

	@Test
	void missingTokenIs401ProblemDetail() {
		client.get()
			.uri("/api/talent/applications")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.doesNotExist(HttpHeaders.LOCATION);
	}

	@Test
	void expiredTokenIs401() {
		expectRejected(INFRA.tokens().expiredToken("applicant1"));
	}

	@Test
	void wrongAudienceTokenIs401() {
		expectRejected(INFRA.tokens().wrongAudienceToken("applicant1"));
	}

	@Test
	void foreignSignedTokenIs401() {
		expectRejected(INFRA.tokens().foreignSignedToken("applicant1"));
	}

	private void expectRejected(String token) {
		client.get()
			.uri("/api/funding/awards")
			.headers(h -> h.setBearerAuth(token))
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(401);
	}

}
