package cn.jiangmen.innovation.systemtests.talent;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import cn.jiangmen.innovation.systemtests.BrowserlessUser;
import cn.jiangmen.innovation.systemtests.RunningSuite;
import cn.jiangmen.innovation.testsupport.client.HttpProbe;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The talent programme through the gateway, as people use it: an applicant signs in, starts an
 * application on an open call, fills in the form, uploads the documents and submits; the other
 * organisation cannot see it; after the deadline a submission is refused with a clear message;
 * bad input on the API is answered field by field.
 */
class TalentApplicationSystemIT {

	static RunningSuite suite;

	UUID call;

	@BeforeAll
	static void start() {
		suite = RunningSuite.get();
	}

	@BeforeEach
	void openACall() throws SQLException {
		this.call = TalentCalls.openCall(suite);
	}

	@Test
	void applicantFillsUploadsAndSubmitsAndTheOtherOrganisationCannotSeeIt() {
		BrowserlessUser applicant = BrowserlessUser.signedIn(suite.gatewayUrl(), "applicant1");
		String id = Applicant.readyApplication(applicant, this.call);

		HttpResponse<String> submit = applicant.postForm("/talent/applications/" + id + "/submit", Map.of());
		assertThat(submit.statusCode()).as(submit.body()).isEqualTo(302);
		assertThat(submit.headers().firstValue("Location").orElseThrow()).endsWith("/talent/applications/" + id + "/receipt");
		HttpResponse<String> submitted = applicant.get("/talent/applications/" + id + "/receipt");
		assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
		assertThat(submitted.body()).contains("已提交，申报材料已送达科技局。", "申报提交回执", "申报编号", "（北京时间）");

		BrowserlessUser other = BrowserlessUser.signedIn(suite.gatewayUrl(), "applicant2");
		assertThat(other.get("/talent/applications/" + id).statusCode()).isEqualTo(404);
		HttpProbe api = new HttpProbe(suite.gatewayUrl());
		assertThat(api.get("/api/talent/applications/" + id, suite.infra().tokens().accessToken("applicant2")).status())
			.isEqualTo(404);
		assertThat(api.get("/api/talent/applications/" + id, suite.infra().tokens().accessToken("applicant1")).status())
			.isEqualTo(200);
	}

	@Test
	void submittingAfterTheDeadlineIsRefusedWithAClearMessageAndTheDraftKept() throws SQLException {
		BrowserlessUser applicant = BrowserlessUser.signedIn(suite.gatewayUrl(), "applicant1");
		String id = Applicant.readyApplication(applicant, this.call);
		try (Connection db = connection();
				PreparedStatement close = db
					.prepareStatement("update talent_call set closes_at = now() - interval '1 second' where id = ?")) {
			close.setObject(1, this.call);
			close.executeUpdate();
		}
		HttpResponse<String> late = applicant.postForm("/talent/applications/" + id + "/submit", Map.of());
		assertThat(late.statusCode()).isEqualTo(409);
		assertThat(late.body()).contains("本批次已截止，不再接受提交或撤回。");
		assertThat(applicant.get("/talent/applications/" + id).body()).contains("草稿");
	}

	@Test
	void badInputOnTheApiIsAnsweredFieldByFieldAndNothingIsStored() {
		BrowserlessUser applicant = BrowserlessUser.signedIn(suite.gatewayUrl(), "applicant1");
		String id = Applicant.readyApplication(applicant, this.call);
		HttpProbe api = new HttpProbe(suite.gatewayUrl());
		String token = suite.infra().tokens().accessToken("applicant1");
		int before = api.get("/api/talent/applications", token).json().get("items").size();
		HttpProbe.Response refused = api.postJson("/api/talent/applications", token,
				"{\"callId\":\"" + this.call + "\",\"title\":\"x\",\"host\":{\"creditCode\":\"91440703MA4UJ8K2X1\"},"
						+ "\"team\":[{\"name\":\"李明\",\"role\":\"LEADER\",\"orcid\":\"0000-0002-1825-0098\"}]}");
		assertThat(refused.status()).isEqualTo(400);
		// host fields are not the caller's to give (the directory's entry is used), so only the ORCID is named
		assertThat(refused.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("team[0].orcid");
		HttpProbe.Response missing = api.postJson("/api/talent/applications", token, "{\"title\":\"x\"}");
		assertThat(missing.json().get("errors").findValuesAsString("field")).containsExactly("callId");
		assertThat(api.get("/api/talent/applications", token).json().get("items").size()).isEqualTo(before);

		HttpResponse<String> disguised = applicant.upload("/talent/applications/" + id + "/attachments", "OTHER",
				"report.docx", Applicant.pdf());
		assertThat(disguised.body()).contains("文件内容与文件名不符");
		assertThat(api.get("/api/talent/applications/" + id + "/attachments", token).json().size()).isEqualTo(3);
	}

	private static Connection connection() throws SQLException {
		return DriverManager.getConnection(suite.jdbcUrl("talent"), suite.infra().dbUser(), suite.infra().dbPassword());
	}

}
