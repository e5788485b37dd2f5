package cn.jiangmen.innovation.gateway.security;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.jiangmen.innovation.gateway.StubUpstream;

/**
 * The services' OpenAPI documents pass the edge without a token, to the service's route and with
 * the path unchanged; the API beside them still needs one.
 */
@SpringBootTest
class ApiDocsAccessTest {

	static final StubUpstream STUB = StubUpstream.start();

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
		this.client = WebTestClient.bindToApplicationContext(this.context)
			.configureClient()
			.responseTimeout(Duration.ofSeconds(30))
			.build();
	}

	@ParameterizedTest
	@ValueSource(strings = { "talent", "review", "projects", "funding" })
	void documentIsPublicAndReachesTheServiceUnchanged(String service) {
		this.client.get()
			.uri("/api/" + service + "/v3/api-docs")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.path")
			.isEqualTo("/api/" + service + "/v3/api-docs");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/talent/calls", "/api/talent/v3/api-docs-not", "/api/portal/v3/api-docs" })
	void theRestOfTheApiStillNeedsAToken(String path) {
		this.client.get().uri(path).exchange().expectStatus().isUnauthorized();
	}

}
