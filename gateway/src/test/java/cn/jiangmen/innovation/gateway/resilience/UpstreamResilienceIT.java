package cn.jiangmen.innovation.gateway.resilience;

import java.net.http.HttpResponse;
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

import cn.jiangmen.innovation.gateway.CountingUpstream;
import cn.jiangmen.innovation.gateway.GatewayBrowser;
import cn.jiangmen.innovation.testsupport.TestInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Routes whose service is down (a closed port: talent-service and the portal) or misbehaving (a
 * counting stub: review, projects, funding), through the real gateway with real Keycloak tokens
 * and a real sign-in.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "jiangmen.gateway.upstream.api-response-timeout-ms=700" })
class UpstreamResilienceIT {

	static final Duration SLOW_BY = Duration.ofSeconds(3);

	static final CountingUpstream UPSTREAM = CountingUpstream.start(SLOW_BY);

	static final TestInfrastructure INFRA = TestInfrastructure.get();

	@DynamicPropertySource
	static void routes(DynamicPropertyRegistry registry) {
		String down = CountingUpstream.closedPortUrl();
		registry.add("TALENT_URL", () -> down);
		registry.add("PORTAL_URL", () -> down);
		for (String route : new String[] { "REVIEW_URL", "PROJECT_URL", "FUNDING_URL" }) {
			registry.add(route, UPSTREAM::url);
		}
		registry.add("jiangmen.security.jwt.issuer-uri", INFRA::issuerUri);
		registry.add("jiangmen.gateway.oidc.issuer-uri", INFRA::issuerUri);
		registry.add("jiangmen.gateway.security.keycloak-url", INFRA::keycloakUrl);
		registry.add("spring.data.redis.host", INFRA::redisHost);
		registry.add("spring.data.redis.port", INFRA::redisPort);
	}

	@AfterAll
	static void stopUpstream() {
		UPSTREAM.close();
	}

	@Value("${local.server.port}")
	int port;

	WebTestClient client;

	String token;

	@BeforeEach
	void bindClient() {
		client = WebTestClient.bindToServer()
			.baseUrl(gatewayUrl())
			.responseTimeout(Duration.ofSeconds(30))
			.build();
		token = INFRA.tokens().accessToken("applicant1");
	}

	String gatewayUrl() {
		return "http://localhost:" + port;
	}

	@Test
	void serviceDownIs503ProblemInTheCallersLanguage() {
		client.get()
			.uri("/api/talent/applications")
			.headers(h -> h.setBearerAuth(token))
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.valueEquals(HttpHeaders.RETRY_AFTER, "10")
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(503)
			.jsonPath("$.title")
			.isEqualTo("服务暂时不可用")
			.jsonPath("$.instance")
			.isEqualTo("/api/talent/applications")
			// nothing about where the service lives
			.jsonPath("$.detail")
			.value(detail -> assertThat(detail.toString()).doesNotContain("127.0.0.1"));

		client.post()
			.uri("/api/talent/applications")
			.headers(h -> h.setBearerAuth(token))
			.header(HttpHeaders.ACCEPT_LANGUAGE, "en-GB,en;q=0.9")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{}")
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectBody()
			.jsonPath("$.title")
			.isEqualTo("Service unavailable");
	}

	@Test
	void portalDownIsATranslatedPageForABrowser() {
		INFRA.tokens().allowGatewayRedirect(gatewayUrl());
		// the sign-in itself is the gateway's (OIDC with Keycloak); its last hop, `/`, is the portal's
		GatewayBrowser browser = GatewayBrowser.signedIn(gatewayUrl(), "applicant1");

		HttpResponse<String> chinese = browser.get("/applications", "zh-CN,zh;q=0.9");
		assertThat(chinese.statusCode()).isEqualTo(503);
		assertThat(chinese.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("text/html"));
		assertThat(chinese.headers().firstValue("Retry-After")).contains("10");
		assertThat(chinese.body()).contains("<html lang=\"zh-CN\">", "服务暂时不可用");

		HttpResponse<String> english = browser.get("/applications", "en-US,en;q=0.8");
		assertThat(english.statusCode()).isEqualTo(503);
		assertThat(english.body()).contains("<html lang=\"en\">", "Service unavailable");

		// a script on a portal page asking for JSON gets the problem, not a page
		HttpResponse<String> script = browser.getJson("/applications/count");
		assertThat(script.statusCode()).isEqualTo(503);
		assertThat(script.headers().firstValue("Content-Type")).contains("application/problem+json");
	}

	@Test
	void failedGetIsRetriedButAFailedPostIsNot() {
		client.get()
			.uri("/api/review/fail-get")
			.headers(h -> h.setBearerAuth(token))
			.exchange()
			.expectStatus()
			.isEqualTo(500);
		// the first call and two retries
		assertThat(UPSTREAM.hits("GET", "/api/review/fail-get")).isEqualTo(3);

		client.post()
			.uri("/api/review/fail-post")
			.headers(h -> h.setBearerAuth(token))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{}")
			.exchange()
			.expectStatus()
			.isEqualTo(500);
		// not idempotent: never sent twice
		assertThat(UPSTREAM.hits("POST", "/api/review/fail-post")).isEqualTo(1);
	}

	@Test
	void slowServiceIs504AfterTheRoutesResponseTimeout() {
		long started = System.nanoTime();
		client.post()
			.uri("/api/projects/slow-post")
			.headers(h -> h.setBearerAuth(token))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{}")
			.exchange()
			.expectStatus()
			.isEqualTo(504)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.title")
			.isEqualTo("上游服务响应超时");
		Duration took = Duration.ofNanos(System.nanoTime() - started);
		// the route's 700 ms, not the upstream's 3 s
		assertThat(took).isLessThan(SLOW_BY);
		assertThat(UPSTREAM.hits("POST", "/api/projects/slow-post")).isEqualTo(1);

		client.get()
			.uri("/api/projects/slow-get")
			.headers(h -> h.setBearerAuth(token))
			.exchange()
			.expectStatus()
			.isEqualTo(504);
		// a timed-out GET is retried like a failed one
		assertThat(UPSTREAM.hits("GET", "/api/projects/slow-get")).isEqualTo(3);
	}

}
