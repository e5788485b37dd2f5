package cn.jiangmen.innovation.gateway.security;

import cn.jiangmen.innovation.testsupport.TestRedis;
import java.util.UUID;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import cn.jiangmen.innovation.gateway.StubUpstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockOidcLogin;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.springSecurity;

/**
 * The edge's behaviour without Keycloak: every route and the OIDC issuer point at a local stub;
 * sessions and the rate limiter use a real Redis (the machine's, else an embedded one: TestRedis).
 */
@SpringBootTest(properties = { "jiangmen.gateway.rate-limit.replenish-rate=1",
		"jiangmen.gateway.rate-limit.burst-capacity=3", "jiangmen.gateway.rate-limit.anonymous-replenish-rate=1000",
		"jiangmen.gateway.rate-limit.anonymous-burst-capacity=2000", "jiangmen.gateway.max-request-size=1KB" })
class EdgeSecurityTest {

	static final StubUpstream STUB = StubUpstream.start();

	@DynamicPropertySource
	static void routesToStub(DynamicPropertyRegistry registry) {
		for (String route : new String[] { "PORTAL_URL", "TALENT_URL", "REVIEW_URL", "PROJECT_URL", "FUNDING_URL" }) {
			registry.add(route, STUB::url);
		}
		registry.add("jiangmen.gateway.oidc.issuer-uri", STUB::issuer);
		registry.add("jiangmen.security.jwt.issuer-uri", STUB::issuer);
		registry.add("spring.data.redis.host", TestRedis::host);
		registry.add("spring.data.redis.port", TestRedis::port);
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
		// springSecurity() makes the mockOidcLogin() mutators effective
		client = WebTestClient.bindToApplicationContext(context).apply(springSecurity())
			.configureClient()
			.responseTimeout(Duration.ofSeconds(30)) // shared, busy build machines
			.build();
	}

	@Test
	void apiWithoutCredentialsIs401ProblemDetailNotARedirect() {
		client.get()
			.uri("/api/talent/applications")
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.doesNotExist(HttpHeaders.LOCATION)
			.expectHeader()
			.valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(401)
			.jsonPath("$.title")
			.isEqualTo("Unauthorized")
			.jsonPath("$.instance")
			.isEqualTo("/api/talent/applications");
	}

	@Test
	void apiWithMalformedBearerTokenIs401InvalidToken() {
		client.post()
			.uri("/api/funding/awards")
			.header(HttpHeaders.AUTHORIZATION, "Bearer not-a-jwt")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
	}

	@Test
	void pageWithoutSessionRedirectsToKeycloakLoginWithPkce() {
		client.get()
			.uri("/")
			.exchange()
			.expectStatus()
			.isFound()
			.expectHeader()
			.valueEquals(HttpHeaders.LOCATION, "/oauth2/authorization/keycloak");

		String location = client.get()
			.uri("/oauth2/authorization/keycloak")
			.exchange()
			.expectStatus()
			.isFound()
			.returnResult(Void.class)
			.getResponseHeaders()
			.getLocation()
			.toString();
		assertThat(location).startsWith(STUB.issuer() + "/protocol/openid-connect/auth?")
			.contains("client_id=jiangmen-gateway")
			.contains("scope=openid%20profile%20email")
			.contains("code_challenge=")
			.contains("code_challenge_method=S256");
	}

	@Test
	void securityHeadersOnEveryResponse() {
		client.mutate()
			.baseUrl("https://localhost")
			.build()
			.get()
			.uri("/api/talent/x")
			.exchange()
			.expectHeader()
			.valueEquals("Content-Security-Policy",
					"default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; "
							+ "frame-ancestors 'none'; form-action 'self' http://localhost:8180")
			.expectHeader()
			.valueEquals("X-Content-Type-Options", "nosniff")
			.expectHeader()
			.valueEquals("X-Frame-Options", "DENY")
			.expectHeader()
			.valueEquals("Referrer-Policy", "strict-origin-when-cross-origin")
			.expectHeader()
			.exists("Permissions-Policy")
			.expectHeader()
			.valueMatches("Strict-Transport-Security", "max-age=31536000 ; includeSubDomains");
	}

	@Test
	void upstreamSecurityHeadersAreReplacedByTheEdgesOwn() {
		client.mutateWith(keycloakUser())
			.get()
			.uri("/portal/page")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valuesMatch("X-Frame-Options", "DENY")
			.expectHeader()
			.valueMatches("Content-Security-Policy", "default-src 'self'.*");
	}

	@Test
	void actuatorHealthIsPublic() {
		client.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
		client.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
	}

	@Test
	void getEmitsTheXsrfCookieReadableByScripts() {
		client.get()
			.uri("/api/talent/x")
			.exchange()
			.expectCookie()
			.exists("XSRF-TOKEN")
			.expectCookie()
			.httpOnly("XSRF-TOKEN", false);
	}

	@Test
	void sessionUserReachesApiWithTokenRelayed() {
		client.mutateWith(keycloakUser())
			.get()
			.uri("/api/projects/calls")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.path")
			.isEqualTo("/api/projects/calls")
			.jsonPath("$.authorization")
			.isEqualTo("Bearer access-token");
	}

	@Test
	void postedFormWithCsrfFieldReachesThePortalWithItsBodyIntact() {
		String token = UUID.randomUUID().toString();
		String form = "name=%E7%8E%8B%E5%B0%8F%E6%98%8E&_csrf=" + token + "&note=a%26b";
		client.mutateWith(keycloakUser())
			.post()
			.uri("/talent/applications/new")
			.cookie("XSRF-TOKEN", token)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromValue(form))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.method")
			.isEqualTo("POST")
			.jsonPath("$.body")
			.isEqualTo(form);
	}

	@Test
	void anonymousPostToTheApiIs401NotACsrf403() {
		client.post()
			.uri("/api/talent/applications")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{}")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
	}

	@Test
	void downloadsKeepTheUpstreamsSandbox() {
		client.mutateWith(keycloakUser())
			.get()
			.uri("/api/talent/applications/1/attachments/2/download")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.values("Content-Security-Policy", values -> {
				assertThat(values).hasSize(1);
				// the edge's directives and the upstream's sandbox: stricter than either
				assertThat(values.get(0)).startsWith("default-src 'self'").endsWith("; sandbox");
			});
	}

	@Test
	void prometheusIsNotPublic() {
		client.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		client.mutateWith(keycloakUser())
			.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	@Test
	void postWithoutCsrfTokenIsRejected() {
		client.mutateWith(keycloakUser())
			.post()
			.uri("/api/talent/applications")
			// a browser with a session always sends its cookie
			.cookie("JIANGMEN_SESSION", UUID.randomUUID().toString())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{}")
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void csrfHeaderWithThePlainCookieValueIsAccepted() {
		String token = UUID.randomUUID().toString();
		client.mutateWith(keycloakUser())
			.post()
			.uri("/api/talent/applications")
			.cookie("XSRF-TOKEN", token)
			.header("X-XSRF-TOKEN", token)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"title\":\"光电\"}")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.body")
			.isEqualTo("{\"title\":\"光电\"}");
	}

	@Test
	void bodyOverTheSizeLimitIs413() {
		String token = UUID.randomUUID().toString();
		client.mutateWith(keycloakUser())
			.post()
			.uri("/api/talent/attachments")
			.cookie("XSRF-TOKEN", token)
			.header("X-XSRF-TOKEN", token)
			.contentType(MediaType.APPLICATION_OCTET_STREAM)
			.bodyValue(new byte[2048])
			.exchange()
			.expectStatus()
			.isEqualTo(413)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(413)
			.jsonPath("$.title")
			.isEqualTo("请求内容过大");
	}

	@Test
	void userOverTheBurstGets429WithRateLimitHeaders() {
		var user = keycloakUser();
		// burst 3 at 1/s: the 4th request within a second is refused; a slow machine may let a
		// refilled token through, so allow a few more tries, and judge the refusal itself (a
		// further request could meet a refilled token again)
		org.springframework.test.web.reactive.server.EntityExchangeResult<String> refused = null;
		for (int i = 0; i < 10 && refused == null; i++) {
			var result = client.mutateWith(user)
				.get()
				.uri("/api/review/panels")
				.exchange()
				.expectBody(String.class)
				.returnResult();
			if (result.getStatus().value() == 429) {
				refused = result;
			}
		}
		assertThat(refused).as("no 429 within 10 requests").isNotNull();
		HttpHeaders headers = refused.getResponseHeaders();
		assertThat(headers.getFirst("X-RateLimit-Remaining")).isNotNull();
		assertThat(headers.getFirst("X-RateLimit-Burst-Capacity")).isEqualTo("3");
		assertThat(headers.getFirst("X-RateLimit-Replenish-Rate")).isEqualTo("1");
		assertThat(headers.getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
		assertThat(headers.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(refused.getResponseBody()).contains("\"status\":429");
	}

	/** A session user with its own subject, so rate-limit buckets of tests never overlap. */
	private static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.OidcLoginMutator keycloakUser() {
		ClientRegistration keycloak = ClientRegistration.withRegistrationId("keycloak")
			.clientId("jiangmen-gateway")
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
			.authorizationUri(STUB.issuer() + "/auth")
			.tokenUri(STUB.issuer() + "/token")
			.build();
		String subject = "user-" + UUID.randomUUID();
		return mockOidcLogin().clientRegistration(keycloak).idToken(token -> token.subject(subject));
	}

}
