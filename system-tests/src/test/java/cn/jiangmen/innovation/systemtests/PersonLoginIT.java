package cn.jiangmen.innovation.systemtests;

import java.net.URI;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Logs in as a person would — through the gateway, Keycloak's own login form and back — and
 * reaches a portal page whose content came from talent-service over gRPC.
 */
class PersonLoginIT {

	static final UUID ORG_1 = UUID.fromString("7d1c2a8e-0000-4000-8000-000000000001");

	static final UUID ORG_2 = UUID.fromString("7d1c2a8e-0000-4000-8000-000000000002");

	static RunningSuite suite;

	@BeforeAll
	static void startSuiteAndSeed() throws SQLException {
		suite = RunningSuite.get();
		try (Connection db = DriverManager.getConnection(suite.jdbcUrl("talent"), suite.infra().dbUser(),
				suite.infra().dbPassword())) {
			db.createStatement().execute("delete from talent_application");
			insert(db, ORG_1, "半导体照明背光模组创新团队");
			insert(db, ORG_2, "Deep-sea exploration leading talent");
		}
	}

	@Test
	void applicantLogsInAndSeesTheirApplicationsFilledOverGrpc() {
		BrowserlessUser user = new BrowserlessUser();
		URI home = URI.create(suite.gatewayUrl() + "/");

		HttpResponse<String> loginPage = user.follow(user.get(home));
		assertThat(loginPage.uri().toString()).startsWith(suite.infra().issuerUri());
		assertThat(user.visited).anySatisfy(uri -> assertThat(uri.getQuery()).contains("code_challenge_method=S256"));

		HttpResponse<String> landing = user.signIn(loginPage, "applicant1", "demo");
		assertThat(landing.statusCode()).as("%s answered %s", landing.uri(), landing.body()).isEqualTo(200);
		assertThat(landing.uri().toString()).startsWith(suite.gatewayUrl());
		assertThat(user.cookie("JIANGMEN_SESSION")).isNotBlank();

		HttpResponse<String> applications = user.follow(user.get(URI.create(suite.gatewayUrl() + "/applications")));
		assertThat(applications.statusCode()).isEqualTo(200);
		assertThat(applications.body()).contains("半导体照明背光模组创新团队")
			.doesNotContain("Deep-sea exploration leading talent");
	}

	@Test
	void logoutEndsTheKeycloakSessionToo() {
		BrowserlessUser user = new BrowserlessUser();
		HttpResponse<String> landing = user.signIn(user.follow(user.get(URI.create(suite.gatewayUrl() + "/"))),
				"applicant2", "demo");
		assertThat(landing.statusCode()).as("%s answered %s", landing.uri(), landing.body()).isEqualTo(200);
		String csrf = user.cookie("XSRF-TOKEN");
		assertThat(csrf).as("the gateway hands the browser a CSRF token").isNotBlank();

		HttpResponse<String> afterLogout = user.follow(user.postForm(URI.create(suite.gatewayUrl() + "/logout"),
				Map.of("_csrf", csrf), Map.of("X-XSRF-TOKEN", csrf)));
		assertThat(afterLogout.statusCode()).isEqualTo(200);

		// With the Keycloak session gone, coming back asks for credentials again instead of SSO.
		HttpResponse<String> again = user.follow(user.get(URI.create(suite.gatewayUrl() + "/")));
		assertThat(again.uri().toString()).startsWith(suite.infra().issuerUri());
		assertThat(again.body()).contains("kc-form-login");
	}

	@Test
	void postWithoutCsrfTokenIsRefused() {
		BrowserlessUser user = new BrowserlessUser();
		assertThat(user.signIn(user.follow(user.get(URI.create(suite.gatewayUrl() + "/"))), "applicant1", "demo")
			.statusCode()).isEqualTo(200);
		HttpResponse<String> response = user.postForm(URI.create(suite.gatewayUrl() + "/logout"), Map.of(), Map.of());
		assertThat(response.statusCode()).isEqualTo(403);
	}

	private static void insert(Connection db, UUID organisation, String title) throws SQLException {
		try (PreparedStatement insert = db.prepareStatement("""
				insert into talent_application (id, call_id, organisation_id, title, status, created_at, updated_at)
				values (?, ?, ?, ?, 'SUBMITTED', ?, ?)
				""")) {
			Timestamp now = Timestamp.from(Instant.now());
			insert.setObject(1, UUID.randomUUID());
			insert.setObject(2, UUID.randomUUID());
			insert.setObject(3, organisation);
			insert.setString(4, title);
			insert.setTimestamp(5, now);
			insert.setTimestamp(6, now);
			insert.executeUpdate();
		}
	}

}
