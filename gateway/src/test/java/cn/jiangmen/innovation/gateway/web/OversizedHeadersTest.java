package cn.jiangmen.innovation.gateway.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.jiangmen.innovation.gateway.StubUpstream;

import static org.assertj.core.api.Assertions.assertThat;

/** Reactor Netty's own refusal of oversized headers, through the real (Netty) server. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OversizedHeadersTest {

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

	@Value("${local.server.port}")
	int port;

	@Test
	void headersOverTheLimitAre431ProblemDetail() throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/talent/applications"))
			.header("Cookie", "big=" + "x".repeat(20 * 1024))
			.GET()
			.build();
		HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(431);
		assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
		assertThat(response.body()).contains("\"status\":431", "请求头过大");
	}

}
