package cn.jiangmen.innovation.gateway.session;

import java.net.http.HttpResponse;
import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.jiangmen.innovation.gateway.GatewayBrowser;
import cn.jiangmen.innovation.gateway.RedisLink;
import cn.jiangmen.innovation.gateway.StubUpstream;
import cn.jiangmen.innovation.gateway.ratelimit.JedisRateLimiter;
import cn.jiangmen.innovation.testsupport.TestInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Redis goes away under a running gateway (the link to it is cut; Redis itself and its data stay,
 * as in a network blip or failover) and comes back. Real sign-in, real Keycloak tokens.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RedisOutageIT {

	static final StubUpstream STUB = StubUpstream.start();

	static final TestInfrastructure INFRA = TestInfrastructure.get();

	static final RedisLink REDIS = new RedisLink(INFRA.redisHost(), INFRA.redisPort());

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		for (String route : new String[] { "PORTAL_URL", "TALENT_URL", "REVIEW_URL", "PROJECT_URL", "FUNDING_URL" }) {
			registry.add(route, STUB::url);
		}
		registry.add("jiangmen.security.jwt.issuer-uri", INFRA::issuerUri);
		registry.add("jiangmen.gateway.oidc.issuer-uri", INFRA::issuerUri);
		registry.add("jiangmen.gateway.security.keycloak-url", INFRA::keycloakUrl);
		registry.add("spring.data.redis.host", () -> "127.0.0.1");
		registry.add("spring.data.redis.port", REDIS::port);
	}

	@AfterAll
	static void stop() {
		REDIS.close();
		STUB.close();
	}

	@Value("${local.server.port}")
	int port;

	@Autowired
	MeterRegistry meters;

	@Test
	void bearerApisKeepWorkingPagesAnswer503AndSessionsSurvive() {
		String gateway = "http://localhost:" + port;
		INFRA.tokens().allowGatewayRedirect(gateway);
		GatewayBrowser browser = GatewayBrowser.signedIn(gateway, "applicant1");
		String session = browser.cookie("JIANGMEN_SESSION");
		assertThat(session).isNotNull();
		assertThat(browser.get("/applications", "zh-CN").statusCode()).isEqualTo(200);

		WebTestClient api = WebTestClient.bindToServer().baseUrl(gateway).responseTimeout(Duration.ofSeconds(30)).build();
		String token = INFRA.tokens().accessToken("applicant2");
		double unlimitedBefore = meters.counter(JedisRateLimiter.UNAVAILABLE_METRIC).count();

		REDIS.cut();
		try {
			api.get()
				.uri("/api/talent/applications")
				.headers(h -> h.setBearerAuth(token))
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.authorization")
				.isEqualTo("Bearer " + token);
			api.post()
				.uri("/api/projects/proposals")
				.headers(h -> h.setBearerAuth(token))
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue("{}")
				.exchange()
				.expectStatus()
				.isOk();
			// the limiter let them through and said so
			assertThat(meters.counter(JedisRateLimiter.UNAVAILABLE_METRIC).count()).isGreaterThanOrEqualTo(
					unlimitedBefore + 2);

			HttpResponse<String> page = browser.get("/applications", "zh-CN");
			assertThat(page.statusCode()).isEqualTo(503);
			assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(
					type -> assertThat(type).startsWith("text/html"));
			assertThat(page.headers().firstValue("Retry-After")).isPresent();
			assertThat(page.body()).contains("服务暂时不可用", "会话存储暂时不可用");
			assertThat(browser.get("/applications", "en").body()).contains("Service unavailable");

			HttpResponse<String> sessionApi = browser.getJson("/api/talent/applications");
			assertThat(sessionApi.statusCode()).isEqualTo(503);
			assertThat(sessionApi.headers().firstValue("Content-Type")).contains("application/problem+json");
			assertThat(sessionApi.body()).contains("\"status\":503");

			// a newcomer: the login redirect cannot store its state, so the page, not a raw 500
			api.get()
				.uri("/applications")
				.accept(MediaType.TEXT_HTML)
				.exchange()
				.expectStatus()
				.isEqualTo(503)
				.expectHeader()
				.contentTypeCompatibleWith(MediaType.TEXT_HTML)
				.expectHeader()
				.doesNotExist("Location");
		}
		finally {
			REDIS.restore();
		}

		// same cookie, same session: still signed in, and the session's token is relayed again
		HttpResponse<String> back = browser.get("/applications", "zh-CN");
		assertThat(back.statusCode()).isEqualTo(200);
		assertThat(back.body()).contains("\"authorization\":\"Bearer ");
		assertThat(browser.cookie("JIANGMEN_SESSION")).isEqualTo(session);
	}

}
