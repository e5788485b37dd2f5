package cn.jiangmen.innovation.systemtests.talent;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
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
		String id = readyApplication(applicant);

		HttpResponse<String> submit = applicant.postForm("/talent/applications/" + id + "/submit", Map.of());
		assertThat(submit.statusCode()).as(submit.body()).isEqualTo(302);
		HttpResponse<String> submitted = applicant.get("/talent/applications/" + id + "?done=submitted");
		assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
		assertThat(submitted.body()).contains("已提交，申报材料已送达科技局。");

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
		String id = readyApplication(applicant);
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
		String id = readyApplication(applicant);
		HttpProbe api = new HttpProbe(suite.gatewayUrl());
		String token = suite.infra().tokens().accessToken("applicant1");
		int before = api.get("/api/talent/applications", token).json().get("items").size();
		HttpProbe.Response refused = api.postJson("/api/talent/applications", token,
				"{\"callId\":\"" + this.call + "\",\"title\":\"x\",\"host\":{\"creditCode\":\"91440703MA4UJ8K2X1\"},"
						+ "\"team\":[{\"name\":\"李明\",\"role\":\"LEADER\",\"orcid\":\"0000-0002-1825-0098\"}]}");
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder(
				"host.creditCode", "team[0].orcid");
		HttpProbe.Response missing = api.postJson("/api/talent/applications", token, "{\"title\":\"x\"}");
		assertThat(missing.json().get("errors").findValuesAsString("field")).containsExactly("callId");
		assertThat(api.get("/api/talent/applications", token).json().get("items").size()).isEqualTo(before);

		HttpResponse<String> disguised = applicant.upload("/talent/applications/" + id + "/attachments", "OTHER",
				"report.docx", pdf());
		assertThat(disguised.body()).contains("文件内容与文件名不符");
		assertThat(api.get("/api/talent/applications/" + id + "/attachments", token).json().size()).isEqualTo(3);
	}

	/** Starts an application on the call through the portal, fills it in and uploads the three documents. */
	private String readyApplication(BrowserlessUser applicant) {
		HttpResponse<String> calls = applicant.get("/talent/calls");
		assertThat(calls.statusCode()).isEqualTo(200);
		assertThat(calls.body()).contains("系统测试批次 " + this.call.toString().substring(0, 8)).contains("剩余");

		HttpResponse<String> started = applicant.postForm("/talent/calls/" + this.call + "/applications", Map.of());
		assertThat(started.statusCode()).as(started.body()).isEqualTo(302);
		String location = started.headers().firstValue("Location").orElseThrow();
		String id = location.substring(location.lastIndexOf('/') + 1);

		Map<String, String> form = new LinkedHashMap<>();
		form.put("title", "可见光通信创新团队");
		form.put("category", "TEAM_RND_INDUSTRIALISATION");
		form.put("priorityField", "VISIBLE_LIGHT_COMMUNICATION");
		form.put("summary", "面向工厂的LED可见光通信");
		form.put("host.name", "江门市光电科技有限公司");
		form.put("host.creditCode", "91440703MA4UJ8K2XW");
		form.put("host.kind", "ENTERPRISE");
		member(form, 0, "李明", "LEADER", "PROFESSOR", "1980-05-31");
		member(form, 1, "张华", "CORE_MEMBER", "ENGINEER", "1990-03-01");
		HttpResponse<String> save = applicant.postForm("/talent/applications/" + id, form);
		assertThat(save.statusCode()).as("%s %s", save.headers().map(), save.body()).isEqualTo(302);
		assertThat(save.headers().firstValue("Location").orElseThrow()).endsWith("/talent/applications/" + id + "?done=saved");
		HttpResponse<String> saved = applicant.get("/talent/applications/" + id + "?done=saved");
		assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
		assertThat(saved.body()).contains("已保存").contains("91440703MA4UJ8K2XW");

		for (String[] doc : new String[][] { { "PROPOSAL", "申报书.pdf" }, { "CV", "简历.pdf" }, { "CONTRACT", "合同.pdf" } }) {
			HttpResponse<String> uploaded = applicant.upload("/talent/applications/" + id + "/attachments", doc[0],
					doc[1], pdf());
			assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);
			assertThat(uploaded.body()).contains("已上传：" + doc[1]);
		}
		return id;
	}

	private static void member(Map<String, String> form, int row, String name, String role, String title,
			String birth) {
		String p = "team[" + row + "].";
		form.put(p + "name", name);
		form.put(p + "role", role);
		form.put(p + "title", title);
		form.put(p + "degree", "DOCTORATE");
		form.put(p + "birthDate", birth);
		form.put(p + "nationality", "CN");
		form.put(p + "employer", "江门市光电科技有限公司");
		form.put(p + "fullTime", "true");
	}

	private static byte[] pdf() {
		return "%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
	}

	private static Connection connection() throws SQLException {
		return DriverManager.getConnection(suite.jdbcUrl("talent"), suite.infra().dbUser(), suite.infra().dbPassword());
	}

}
