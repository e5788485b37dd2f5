package cn.jiangmen.innovation.project;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import cn.jiangmen.innovation.contracts.project.v1.ProjectServiceGrpc;
import cn.jiangmen.innovation.contracts.project.v1.RecordProposalReviewOutcomeRequest;
import cn.jiangmen.innovation.platform.grpc.ProtoTimes;
import cn.jiangmen.innovation.testsupport.ServiceIntegrationTest;
import cn.jiangmen.innovation.testsupport.ServiceTestProperties;
import cn.jiangmen.innovation.testsupport.client.HttpProbe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Change requests (变更) of budget lines and partners change the project, against real PostgreSQL and
 * Keycloak tokens, on a project approved from its proposal through the use cases: a budget move keeps
 * the total and the fiscal money, refused in words when a category holds less; a partner joins or
 * leaves, refused in words when the call's 产学研 rule would break or the partner is (not) there;
 * the history keeps before and after; a partner that left no longer reads the proposal.
 */
@Import(TestOrganisationDirectory.class)
class ChangeRequestsAppliedIT extends ServiceIntegrationTest {

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		ServiceTestProperties.register(registry, "project_changes_it");
		registry.add("jiangmen.outbox.relay.enabled", () -> "false");
		registry.add("jiangmen.project.deadline-watch.enabled", () -> "false");
	}

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void dropOutboxMessages() {
		this.jdbc.sql("delete from outbox").update();
	}

	@Test
	void budgetMovesAndPartnerChangesAreAppliedToTheProjectWithBeforeAfterOrRefusedInWords() {
		String[] approved = approvedProjectInExecution();
		String proposal = approved[0];
		String project = approved[1];

		// a partner of the consortium reads the running project but does not act for it
		assertThat(this.http.get("/api/projects/projects/" + project + "/summary", token("applicant2")).status())
			.as("a partner reads the project").isEqualTo(200);
		assertThat(this.http.get("/api/projects/projects/" + project + "/milestones", token("applicant2")).status())
			.isEqualTo(200);
		assertThat(this.http.postJson("/api/projects/projects/" + project + "/change-requests", token("applicant2"), """
				{"kind":"MILESTONE_DATE","reason":"partner asks","milestoneId":"%s","newDueDate":"2027-12-31"}"""
			.formatted(UUID.randomUUID())).status()).as("only the lead asks for changes").isEqualTo(403);

		// a budget move of more than the category holds
		String tooMuch = request(project, """
				{"kind":"BUDGET_REALLOCATION","reason":"Testing costs more","fromCategory":"equipment","toCategory":"testing","amount":"8000000.00"}""");
		HttpProbe.Response short_ = decide(project, tooMuch, "approval", "{}");
		assertThat(short_.status()).isEqualTo(409);
		assertThat(short_.json().get("code").asString()).isEqualTo("change-request.budget-short");
		assertThat(short_.json().get("detail").asString()).contains("3000000.00", "EQUIPMENT", "8000000.00");

		// a move within what the category holds: the total and the fiscal money stay
		String move = request(project, """
				{"kind":"BUDGET_REALLOCATION","reason":"Reliability tests by an outside lab","fromCategory":"labour","toCategory":"testing","amount":"500000.00"}""");
		HttpProbe.Response moved = decide(project, move, "approval", "{\"reason\":\"同意\"}");
		assertThat(moved.status()).as(moved.body()).isEqualTo(200);
		assertThat(values(moved.json().get("before").get("budget")))
			.containsExactly("EQUIPMENT/FISCAL 3000000.00", "LABOUR/SELF_RAISED 7000000.00");
		assertThat(values(moved.json().get("after").get("budget"))).containsExactly("EQUIPMENT/FISCAL 3000000.00",
				"LABOUR/SELF_RAISED 6500000.00", "TESTING/SELF_RAISED 500000.00");
		assertThat(moved.json().get("after").get("totalYuan").asString()).isEqualTo("10000000.00");
		JsonNode read = this.http.get("/api/projects/proposals/" + proposal, token("manager")).json();
		assertThat(read.get("totalBudget").asString()).isEqualTo("10000000.00");
		assertThat(read.get("fiscalRequest").asString()).isEqualTo("3000000.00");
		assertThat(read.get("budget")).extracting(l -> l.get("category").asString() + " " + l.get("amount").asString())
			.containsExactly("EQUIPMENT 3000000.00", "LABOUR 6500000.00", "TESTING 500000.00");
		assertThat(this.jdbc.sql("select amount_fen from budget_reallocation where change_request_id = :id")
			.param("id", UUID.fromString(move))
			.query(Long.class)
			.single()).isEqualTo(50_000_000L);

		// the only university partner of an 产学研 topic cannot leave
		String wuyi = TestOrganisationDirectory.WUYI.id().toString();
		String leaveFirst = request(project, """
				{"kind":"PARTNER","reason":"五邑大学 withdraws","partnerAction":"REMOVE","organisationId":"%s","partnerRole":"仿真与测试"}"""
			.formatted(wuyi));
		HttpProbe.Response refused = decide(project, leaveFirst, "approval", "{}");
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.json().get("code").asString()).isEqualTo("change-request.breaks-call-rules");
		assertThat(refused.json().get("detail").asString()).contains("产学研", "T1", "university or institute");
		assertThat(decide(project, leaveFirst, "rejection", "{\"reason\":\"Find another research partner first\"}").status())
			.isEqualTo(200);

		// an institute joins; then the university may leave, its shares going back to the lead
		String academy = TestOrganisationDirectory.ACADEMY.id().toString();
		String join = request(project, """
				{"kind":"PARTNER","reason":"The academy takes over the optics tests","partnerAction":"ADD","organisationId":"%s","partnerRole":"光学测试"}"""
			.formatted(academy));
		HttpProbe.Response joined = decide(project, join, "approval", "{}");
		assertThat(joined.status()).as(joined.body()).isEqualTo(200);
		assertThat(values(joined.json().get("after").get("partners"))).hasSize(2);
		String again = request(project, """
				{"kind":"PARTNER","reason":"again","partnerAction":"ADD","organisationId":"%s","partnerRole":"光学测试"}"""
			.formatted(academy));
		HttpProbe.Response twice = decide(project, again, "approval", "{}");
		assertThat(twice.status()).isEqualTo(409);
		assertThat(twice.json().get("code").asString()).isEqualTo("change-request.partner-present");
		String leave = request(project, """
				{"kind":"PARTNER","reason":"五邑大学 withdraws","partnerAction":"REMOVE","organisationId":"%s","partnerRole":"仿真与测试"}"""
			.formatted(wuyi));
		HttpProbe.Response left = decide(project, leave, "approval", "{}");
		assertThat(left.status()).as(left.body()).isEqualTo(200);
		assertThat(left.json().get("before").get("leadShares").asString()).isEqualTo("work 70%, budget 80%");
		assertThat(left.json().get("after").get("leadShares").asString()).isEqualTo("work 100%, budget 100%");
		JsonNode consortium = this.http.get("/api/projects/proposals/" + proposal, token("manager")).json().get("consortium");
		assertThat(consortium).extracting(m -> m.get("organisationId").asString())
			.containsExactly(TestOrganisationDirectory.OPTO.id().toString(), academy);
		assertThat(this.http.get("/api/projects/proposals/" + proposal, token("applicant2")).status())
			.as("a partner that left no longer reads the proposal").isEqualTo(404);
		assertThat(this.http.get("/api/projects/projects/" + project + "/summary", token("applicant2")).status())
			.as("nor the project").isEqualTo(404);

		HttpProbe.Response history = this.http.get("/api/projects/projects/" + project + "/change-requests", token("manager"));
		assertThat(history.json().get("changeRequests").findValuesAsString("state")).containsExactly("APPROVED", "PENDING",
				"APPROVED", "REJECTED", "APPROVED", "PENDING");
	}

	/** A call, a proposal with 五邑大学 as partner, review and approval (立项), the task book countersigned. */
	private String[] approvedProjectInExecution() {
		String manager = token("manager");
		String lead = token("applicant1");
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		String call = this.http.postJson("/api/projects/calls", manager, """
				{"fieldCode":"rail-transit-equipment","year":2027,"title":"2027年轨道交通装备重大科技专项申报指南",
				 "topics":[{"code":"T1","title":"牵引系统","requiresResearchPartner":true}],
				 "fundingCeiling":"5000000.00","maxFiscalSharePercent":30,"requiredDocuments":["营业执照"],
				 "guideline":"申报指南正文","opensAt":"%s","closesAt":"%s"}"""
			.formatted(now.minusSeconds(3600), now.plusSeconds(86400))).json().get("id").asString();
		assertThat(this.http.postJson("/api/projects/calls/" + call + "/status", manager, "{\"action\":\"PUBLISH\"}").status())
			.isEqualTo(200);
		HttpProbe.Response created = this.http.postJson("/api/projects/proposals", lead, """
				{"callId":"%s","content":{"title":"高速列车牵引变流器研制","topicCode":"T1","objectives":"研制并验证牵引变流器",
				 "leadRole":"牵头研制","leadWorkSharePercent":70,"leadBudgetSharePercent":80,
				 "partners":[{"organisationId":"%s","role":"仿真与测试","workSharePercent":30,"budgetSharePercent":20}],
				 "kpis":[{"kind":"INVENTION_PATENTS_APPLIED","description":"申请发明专利","unit":"件","target":5}],
				 "workPlan":[{"title":"样机","dueDate":"2028-06-30","deliverables":"样机一台"},
				             {"title":"验收","dueDate":"2029-06-30","deliverables":"验收报告"}],
				 "budget":[{"category":"EQUIPMENT","source":"FISCAL","amount":"3000000.00"},
				           {"category":"LABOUR","source":"SELF_RAISED","amount":"7000000.00"}]}}"""
			.formatted(call, TestOrganisationDirectory.WUYI.id()));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String proposal = created.json().get("id").asString();
		assertThat(this.http.postJson("/api/projects/proposals/" + proposal + "/confirmation", token("applicant2"), "{}")
			.status()).isEqualTo(200);
		// the call requires its business licence (营业执照) before submission
		assertThat(new DocumentHttp(this.port).upload("/api/projects/proposals/" + proposal + "/documents", lead, "营业执照",
				"营业执照.pdf", DocumentHttp.pdf(100)).status()).isEqualTo(201);
		assertThat(this.http.postJson("/api/projects/proposals/" + proposal + "/submission", lead, "{}").status())
			.isEqualTo(200);
		assertThat(this.http.postJson("/api/projects/proposals/" + proposal + "/formal-check", manager,
				"{\"decision\":\"PASS\"}").status()).isEqualTo(200);
		asService(ProjectServiceGrpc.newBlockingStub(this.channel))
			.recordProposalReviewOutcome(RecordProposalReviewOutcomeRequest.newBuilder()
				.setIdempotencyKey("review-outcome-" + UUID.randomUUID())
				.setProposalId(proposal)
				.setReviewItemId(UUID.randomUUID().toString())
				.setRank(1)
				.setFinalScoreHundredths(8650)
				.setPassedThresholds(true)
				.setConfirmedAt(ProtoTimes.timestamp(Instant.now()))
				.build());
		HttpProbe.Response approved = this.http.postJson("/api/projects/proposals/" + proposal + "/approval", manager,
				"{\"approvedFiscal\":\"2800000.00\",\"tranches\":[\"1000000\",\"1800000\"],\"note\":\"同意立项\"}");
		assertThat(approved.status()).as(approved.body()).isEqualTo(200);
		String project = approved.json().get("projectId").asString();
		String base = "/api/projects/projects/" + project + "/task-book";
		String firstMilestone = this.jdbc.sql("select id::text from milestone where project_id = :id order by sequence limit 1")
			.param("id", UUID.fromString(project))
			.query(String.class)
			.single();
		assertThat(this.http.postJson(base, manager, """
				{"kpiTargets":[{"milestoneId":"%s","name":"发明专利申请","unit":"件","target":"5.00"}]}"""
			.formatted(firstMilestone)).status()).isEqualTo(200);
		assertThat(this.http.postJson(base + "/acceptance", lead, "{}").status()).isEqualTo(200);
		assertThat(this.http.postJson(base + "/countersignature", manager, "{}").status()).isEqualTo(200);
		return new String[] { proposal, project };
	}

	private String request(String project, String body) {
		HttpProbe.Response asked = this.http.postJson("/api/projects/projects/" + project + "/change-requests",
				token("applicant1"), body);
		assertThat(asked.status()).as(asked.body()).isEqualTo(201);
		return asked.json().get("id").asString();
	}

	private HttpProbe.Response decide(String project, String request, String decision, String body) {
		return this.http.postJson("/api/projects/projects/" + project + "/change-requests/" + request + "/" + decision,
				token("manager"), body);
	}

	private static List<String> values(JsonNode array) {
		return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(JsonNode::asString).toList();
	}

}
