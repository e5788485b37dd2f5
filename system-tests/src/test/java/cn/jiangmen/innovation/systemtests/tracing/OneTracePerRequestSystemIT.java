package cn.jiangmen.innovation.systemtests.tracing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.jiangmen.innovation.systemtests.BrowserlessUser;
import cn.jiangmen.innovation.systemtests.RunningSuite;
import cn.jiangmen.innovation.systemtests.talent.TalentCalls;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One portal action is one trace: an applicant starts a talent application through the gateway; the
 * trace id the portal answers with (X-Request-Id) is in the gateway's, the portal's and
 * talent-service's logs (which the portal reaches over gRPC), and it is the request id of the audit
 * row talent-service wrote for the new draft. (The portal logs ECS JSON here, the others plain text.)
 */
class OneTracePerRequestSystemIT {

	static RunningSuite suite;

	@BeforeAll
	static void start() {
		suite = RunningSuite.get();
	}

	@Test
	void startingAnApplicationIsOneTraceAcrossGatewayPortalServiceAndAuditTrail() throws Exception {
		UUID call = TalentCalls.openCall(suite);
		BrowserlessUser applicant = BrowserlessUser.signedIn(suite.gatewayUrl(), "applicant1");

		HttpResponse<String> started = applicant.postForm("/talent/calls/" + call + "/applications", Map.of());
		assertThat(started.statusCode()).as(started.body()).isEqualTo(302);
		String traceId = started.headers().firstValue("X-Request-Id").orElseThrow();
		assertThat(traceId).as("a W3C trace id").matches("[0-9a-f]{32}").isNotEqualTo("0".repeat(32));
		String location = started.headers().firstValue("Location").orElseThrow();
		String application = location.substring(location.lastIndexOf('/') + 1);

		assertThat(auditRequestIds(application)).as("audit rows of application " + application)
			.isNotEmpty()
			.containsOnly(traceId);
		for (String app : List.of("gateway", "portal", "talent-service")) {
			assertThat(linesWith(app, traceId)).as("lines of %s with trace id %s", app, traceId).isNotEmpty();
		}
		// the service's line is the gRPC call the portal made, not some other request
		assertThat(linesWith("talent-service", traceId)).anyMatch(line -> line.contains("gRPC "));
		// the portal logs ECS JSON in the system tests: the trace id is a field of the line there
		assertThat(linesWith("portal", traceId)).anyMatch(line -> line.startsWith("{")
				&& line.contains("\"traceId\":\"" + traceId + "\""));
	}

	private static List<String> auditRequestIds(String application) throws SQLException {
		try (Connection db = DriverManager.getConnection(suite.jdbcUrl("talent"), suite.infra().dbUser(),
				suite.infra().dbPassword());
				PreparedStatement query = db.prepareStatement("select request_id from audit_log where object_id = ?")) {
			query.setString(1, application);
			List<String> ids = new ArrayList<>();
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					ids.add(rows.getString(1));
				}
			}
			return ids;
		}
	}

	/** The app's log lines with the trace id; waits a little, a line is written when its request ends. */
	private static List<String> linesWith(String app, String traceId) throws InterruptedException {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(5));
		List<String> lines;
		do {
			try {
				lines = Files.readAllLines(suite.logFile(app), StandardCharsets.UTF_8)
					.stream()
					.filter(line -> line.contains(traceId))
					.toList();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			if (!lines.isEmpty()) {
				return lines;
			}
			Thread.sleep(200);
		}
		while (Instant.now().isBefore(deadline));
		return lines;
	}

}
