package cn.jiangmen.innovation.gateway.resilience;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.jiangmen.innovation.gateway.CountingUpstream;
import cn.jiangmen.innovation.testsupport.TestInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring Cloud CircuitBreaker puts every route behind a Resilience4j bulkhead of 25 concurrent calls
 * when resilience4j-bulkhead is on the classpath: in the first benchmark run 50 people on slow portal
 * pages got a 503 for all but 25 of them. The routes' timeouts and circuit breakers bound a slow
 * upstream; a concurrency cap per route is not wanted, so more than 25 concurrent calls all get through.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RouteConcurrencyIT {

	static final Duration SLOW_BY = Duration.ofSeconds(2);

	static final CountingUpstream UPSTREAM = CountingUpstream.start(SLOW_BY);

	static final TestInfrastructure INFRA = TestInfrastructure.get();

	@DynamicPropertySource
	static void routes(DynamicPropertyRegistry registry) {
		for (String route : new String[] { "TALENT_URL", "REVIEW_URL", "PROJECT_URL", "FUNDING_URL", "PORTAL_URL" }) {
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

	@Test
	void fortyConcurrentSlowCallsOnOneRouteAllReachTheUpstream() {
		int concurrent = 40;
		String token = INFRA.tokens().accessToken("applicant1");
		ExecutorService threads = Executors.newFixedThreadPool(8);
		try {
			HttpClient http = HttpClient.newBuilder().executor(threads).build();
			List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
			for (int i = 0; i < concurrent; i++) {
				HttpRequest request = HttpRequest
					.newBuilder(URI.create("http://localhost:" + port + "/api/funding/slow-read-" + i))
					.header("Authorization", "Bearer " + token)
					.timeout(Duration.ofSeconds(30))
					.GET()
					.build();
				calls.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
			}
			List<HttpResponse<String>> responses = calls.stream().map(CompletableFuture::join).toList();
			assertThat(responses).as(() -> "answers: " + responses.stream().map(HttpResponse::body).distinct().toList())
				.extracting(HttpResponse::statusCode)
				.hasSize(concurrent)
				.containsOnly(200);
			for (int i = 0; i < concurrent; i++) {
				assertThat(UPSTREAM.hits("GET", "/api/funding/slow-read-" + i)).isEqualTo(1);
			}
		}
		finally {
			threads.shutdownNow();
		}
	}

}
