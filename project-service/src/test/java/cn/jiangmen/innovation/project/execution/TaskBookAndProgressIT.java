package cn.jiangmen.innovation.project.execution;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import cn.jiangmen.innovation.contracts.project.v1.GetMilestoneStatusRequest;
import cn.jiangmen.innovation.contracts.project.v1.GetProjectSummaryRequest;
import cn.jiangmen.innovation.contracts.project.v1.GetTaskBookPdfRequest;
import cn.jiangmen.innovation.contracts.project.v1.GetTaskBookPdfResponse;
import cn.jiangmen.innovation.contracts.project.v1.ListMilestonesRequest;
import cn.jiangmen.innovation.contracts.project.v1.ListMilestonesResponse;
import cn.jiangmen.innovation.contracts.project.v1.MilestoneState;
import cn.jiangmen.innovation.contracts.project.v1.ProjectServiceGrpc;
import cn.jiangmen.innovation.contracts.project.v1.ProjectStage;
import cn.jiangmen.innovation.contracts.project.v1.ProjectSummary;
import cn.jiangmen.innovation.contracts.project.v1.TaskBookState;
import cn.jiangmen.innovation.testsupport.ServiceIntegrationTest;
import cn.jiangmen.innovation.testsupport.ServiceTestProperties;
import cn.jiangmen.innovation.testsupport.client.GrpcChannels;
import cn.jiangmen.innovation.testsupport.client.HttpProbe;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The task book (任务书) and progress against real PostgreSQL, Redis and Keycloak tokens: generated
 * from an approved project with KPI targets (tranches must add up), accepted by the lead, countersigned
 * by the manager (TASK_BOOK -> EXECUTION), rendered as a PDF whose text is read back; progress reports
 * with evidence, the manager's return and acceptance as GetMilestoneStatus reports them; and the
 * denials: another organisation's applicant sees nothing, an auditor reads and changes nothing.
 */
class TaskBookAndProgressIT extends ServiceIntegrationTest {

	static final UUID ORG_1 = UUID.fromString("7d1c2a8e-0000-4000-8000-000000000001");

	static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		ServiceTestProperties.register(registry, "project_execution_it");
		registry.add("jiangmen.project.deadline-watch.enabled", () -> "false");
	}

	@Autowired
	JdbcClient jdbc;

	ApprovedProjects fixture;

	ApprovedProjects.Created project;

	@BeforeEach
	void seed() {
		this.fixture = new ApprovedProjects(this.jdbc);
		this.fixture.clear();
		this.project = this.fixture.approved(ORG_1, "LED 背光模组 LED backlight modules", "TASK_BOOK", 150_000_000L,
				List.of(new ApprovedProjects.Plan("样机 Prototype module", TODAY.plusMonths(6), 60_000_000L),
						new ApprovedProjects.Plan("量产 Pilot production", TODAY.plusMonths(18), 90_000_000L)));
	}

	@Test
	void theTaskBookIsIssuedAcceptedByTheLeadAndCountersignedIntoExecution() {
		HttpProbe.Response issued = issue(this.project);
		assertThat(issued.status()).as(issued.body()).isEqualTo(200);
		assertThat(issued.json().get("taskBook").get("state").asString()).isEqualTo("ISSUED");
		assertThat(issued.json().get("approvedFiscalYuan").asString()).isEqualTo("1500000.00");
		JsonNode first = issued.json().get("milestones").get(0);
		assertThat(first.get("milestone").get("trancheYuan").asString()).isEqualTo("600000.00");
		assertThat(first.get("kpiTargets").get(0).get("name").asString()).isEqualTo("发明专利申请 invention patents applied");
		assertThat(issue(this.project).status()).as("a second task book").isEqualTo(409);

		assertThat(post("countersignature", "manager").status()).as("before the lead accepted").isEqualTo(409);
		assertThat(post("acceptance", "manager").status()).as("the manager is not the lead").isEqualTo(403);
		HttpProbe.Response accepted = post("acceptance", "applicant1");
		assertThat(accepted.status()).isEqualTo(200);
		assertThat(accepted.json().get("acceptedBy").asString()).isEqualTo("applicant1");
		assertThat(post("countersignature", "applicant1").status()).isEqualTo(403);
		HttpProbe.Response countersigned = post("countersignature", "manager");
		assertThat(countersigned.status()).isEqualTo(200);
		assertThat(countersigned.json().get("state").asString()).isEqualTo("COUNTERSIGNED");

		ProjectSummary summary = stub("applicant1")
			.getProjectSummary(GetProjectSummaryRequest.newBuilder().setProjectId(this.project.project().toString()).build())
			.getSummary();
		assertThat(summary.getStage()).isEqualTo(ProjectStage.PROJECT_STAGE_EXECUTION);
		assertThat(summary.getTaskBookState()).isEqualTo(TaskBookState.TASK_BOOK_STATE_COUNTERSIGNED);
		assertThat(summary.getMilestonesList()).extracting(m -> m.getTranche().getMinorUnits())
			.containsExactly(60_000_000L, 90_000_000L);
		assertThat(summary.getMilestones(0).getDueDate()).isEqualTo(TODAY.plusMonths(6).toString());
		assertThat(this.jdbc.sql("""
				select action from audit_log where object_id = :id order by occurred_at, action
				""").param("id", this.project.project().toString()).query(String.class).list())
			.contains("project.task-book.issued", "project.task-book.accepted", "project.task-book.countersigned",
					"project.stage-changed");
	}

	@Test
	void tranchesThatDoNotAddUpAreRefusedWithTheValuesInWords() {
		ApprovedProjects.Created short_ = this.fixture.approved(ORG_1, "Short tranches", "TASK_BOOK", 100_000_000L,
				List.of(new ApprovedProjects.Plan("Only one", TODAY.plusMonths(3), 80_000_000L)));
		HttpProbe.Response refused = this.http.postJson(base(short_.project()) + "/task-book", token("manager"),
				"{\"kpiTargets\":[]}");
		assertThat(refused.status()).isEqualTo(400);
		JsonNode error = refused.json().get("errors").get(0);
		assertThat(error.get("field").asString()).isEqualTo("milestones.trancheFen");
		assertThat(error.get("message").asString()).contains("¥800,000.00", "¥1,000,000.00", "¥200,000.00");
		assertThat(this.jdbc.sql("select count(*) from task_book").query(Integer.class).single()).isZero();
	}

	@Test
	void badKpiTargetsAreNamedByFieldAndNothingIsWritten() {
		HttpProbe.Response refused = this.http.postJson(base(this.project.project()) + "/task-book", token("manager"), """
				{"kpiTargets":[{"milestoneId":"%s","name":"","unit":"件","target":"-1"},
				               {"milestoneId":"%s","name":"Prototype","unit":"台","target":"1"}]}
				""".formatted(this.project.milestones().get(0), UUID.randomUUID()));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder(
				"kpiTargets[0].name", "kpiTargets[0].target", "kpiTargets[1].milestoneId");
		assertThat(this.jdbc.sql("select count(*) from milestone_kpi_target").query(Integer.class).single()).isZero();
	}

	@Test
	void theTaskBookPdfCarriesTheBureauHeaderInChineseWithAnEmbeddedFont() throws IOException {
		issue(this.project);
		GetTaskBookPdfResponse response = stub("applicant1")
			.getTaskBookPdf(GetTaskBookPdfRequest.newBuilder().setProjectId(this.project.project().toString()).build());
		assertThat(response.getFileName()).isEqualTo("task-book-" + this.project.project() + ".pdf");
		try (PDDocument document = Loader.loadPDF(response.getPdf().toByteArray())) {
			String text = new PDFTextStripper().getText(document);
			assertThat(text).contains("江门市科学技术局", "任务书", "LED 背光模组 LED backlight modules", "样机 Prototype module",
					"量产 Pilot production", "发明专利申请 invention patents applied", "¥1,500,000.00");
			for (var name : document.getPage(0).getResources().getFontNames()) {
				PDFont font = document.getPage(0).getResources().getFont(name);
				assertThat(font.isEmbedded()).as(font.getName()).isTrue();
			}
		}
		HttpProbe.Response rest = this.http.get(base(this.project.project()) + "/task-book/pdf", token("auditor"),
				"application/pdf");
		assertThat(rest.status()).isEqualTo(200);
		assertThat(rest.header("Content-Type")).startsWith("application/pdf");
		assertThat(rest.header("Content-Disposition")).contains("attachment");
	}

	@Test
	void progressIsReportedReturnedWithReasonsReportedAgainAndAccepted() {
		startExecution();
		UUID milestone = this.project.milestones().get(0);
		String kpi = this.jdbc.sql("select id::text from milestone_kpi_target where milestone_id = :m and unit = '件'")
			.param("m", milestone)
			.query(String.class)
			.single();
		String report = """
				{"summary":"Prototype passed the lab test","kpiValues":[{"kpiTargetId":"%s","reached":"2"}],
				 "documents":[{"name":"test-report.pdf","sha256":"%s"}]}
				""".formatted(kpi, "a".repeat(64));
		assertThat(this.http.postJson(milestonePath(milestone) + "/reports", token("manager"), report).status())
			.as("only the lead reports").isEqualTo(403);
		HttpProbe.Response bad = this.http.postJson(milestonePath(milestone) + "/reports", token("applicant1"), """
				{"summary":" ","kpiValues":[{"kpiTargetId":"%s","reached":"x"}],"documents":[{"name":"a.pdf","sha256":"12"}]}
				""".formatted(UUID.randomUUID()));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("summary",
				"kpiValues[0].kpiTargetId", "kpiValues[0].reached", "documents[0].sha256");

		HttpProbe.Response reported = this.http.postJson(milestonePath(milestone) + "/reports", token("applicant1"), report);
		assertThat(reported.status()).as(reported.body()).isEqualTo(201);
		assertThat(reported.json().get("kpiValues").get(0).get("unit").asString()).isEqualTo("件");
		assertThat(status(milestone)).isEqualTo(MilestoneState.MILESTONE_STATE_REPORTED);

		HttpProbe.Response noReason = this.http.postJson(milestonePath(milestone) + "/return", token("manager"),
				"{\"reasons\":\"\"}");
		assertThat(noReason.status()).isEqualTo(400);
		assertThat(noReason.json().get("errors").get(0).get("field").asString()).isEqualTo("reasons");
		assertThat(this.http.postJson(milestonePath(milestone) + "/return", token("auditor"), "{\"reasons\":\"no\"}").status())
			.isEqualTo(403);
		HttpProbe.Response returned = this.http.postJson(milestonePath(milestone) + "/return", token("manager"),
				"{\"reasons\":\"The test report is not signed by the lab\"}");
		assertThat(returned.status()).isEqualTo(200);
		assertThat(status(milestone)).isEqualTo(MilestoneState.MILESTONE_STATE_REJECTED);
		assertThat(this.http.postJson(milestonePath(milestone) + "/acceptance", token("manager"), "{}").status())
			.as("a returned milestone is reported again first").isEqualTo(409);

		assertThat(this.http.postJson(milestonePath(milestone) + "/reports", token("applicant1"), report).status()).isEqualTo(201);
		assertThat(this.http.postJson(milestonePath(milestone) + "/acceptance", token("manager"), "{}").status()).isEqualTo(200);
		assertThat(status(milestone)).isEqualTo(MilestoneState.MILESTONE_STATE_ACCEPTED);

		HttpProbe.Response decisions = this.http.get(milestonePath(milestone) + "/decisions", token("auditor"));
		assertThat(decisions.json().findValuesAsString("decision")).containsExactly("ACCEPTED", "RETURNED");
		assertThat(decisions.json().get(1).get("reasons").asString()).isEqualTo("The test report is not signed by the lab");
		HttpProbe.Response reports = this.http.get(milestonePath(milestone) + "/reports?pageSize=1", token("applicant1"));
		assertThat(reports.json().get("reports")).hasSize(1);
		assertThat(reports.json().get("nextPageToken").asString()).isNotEmpty();
		assertThat(this.jdbc.sql("select action from audit_log where object_id = :id order by occurred_at")
			.param("id", milestone.toString())
			.query(String.class)
			.list()).containsExactly("milestone.reported", "milestone.returned", "milestone.reported", "milestone.accepted");
	}

	@Test
	void anotherOrganisationsApplicantSeesNothingAndAnAuditorChangesNothing() {
		issue(this.project);
		String other = token("applicant2");
		for (String path : List.of("/summary", "/task-book", "/task-book/pdf", "/milestones", "/change-requests",
				"/check-rounds", "/milestones/" + this.project.milestones().get(0) + "/reports")) {
			assertThat(this.http.get(base(this.project.project()) + path, other, "*/*").status()).as(path).isEqualTo(404);
			assertThat(this.http.get(base(this.project.project()) + path, token("auditor"), "*/*").status()).as(path)
				.isEqualTo(200);
		}
		assertThat(post("acceptance", "applicant2").status()).isEqualTo(404);
		assertThatThrownBy(() -> stub("applicant2")
			.getProjectSummary(GetProjectSummaryRequest.newBuilder().setProjectId(this.project.project().toString()).build()))
			.isInstanceOfSatisfying(StatusRuntimeException.class,
					ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
		for (String action : List.of("acceptance", "countersignature")) {
			assertThat(post(action, "auditor").status()).as(action).isEqualTo(403);
		}
		assertThat(this.http.postJson(base(this.project.project()) + "/check-rounds", token("auditor"),
				"{\"kind\":\"MID_TERM\"}").status()).isEqualTo(403);
		assertThat(this.http.get(base(this.project.project()) + "/summary", token("expert1")).status()).isEqualTo(403);
		assertThat(this.jdbc.sql("select state from task_book").query(String.class).single()).isEqualTo("ISSUED");
	}

	@Test
	void milestonesArePaginatedOverGrpcAndMalformedIdsNameTheField() {
		ListMilestonesResponse page = stub("manager").listMilestones(ListMilestonesRequest.newBuilder()
			.setProjectId(this.project.project().toString())
			.setPageSize(1)
			.build());
		assertThat(page.getMilestonesList()).extracting(m -> m.getTitle()).containsExactly("样机 Prototype module");
		ListMilestonesResponse next = stub("manager").listMilestones(ListMilestonesRequest.newBuilder()
			.setProjectId(this.project.project().toString())
			.setPageSize(1)
			.setPageToken(page.getNextPageToken())
			.build());
		assertThat(next.getMilestonesList()).extracting(m -> m.getTitle()).containsExactly("量产 Pilot production");
		assertThatThrownBy(() -> stub("manager").listMilestones(ListMilestonesRequest.newBuilder().setProjectId("x").build()))
			.isInstanceOfSatisfying(StatusRuntimeException.class, ex -> {
				assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
				assertThat(GrpcChannels.fieldViolations(ex)).containsExactly("project_id");
			});
	}

	private void startExecution() {
		assertThat(issue(this.project).status()).isEqualTo(200);
		assertThat(post("acceptance", "applicant1").status()).isEqualTo(200);
		assertThat(post("countersignature", "manager").status()).isEqualTo(200);
	}

	private HttpProbe.Response issue(ApprovedProjects.Created created) {
		return this.http.postJson(base(created.project()) + "/task-book", token("manager"), """
				{"kpiTargets":[{"milestoneId":"%s","name":"发明专利申请 invention patents applied","unit":"件","target":"3"},
				               {"milestoneId":"%s","name":"Prototype","unit":"台","target":"1"},
				               {"milestoneId":"%s","name":"Revenue","unit":"万元","target":"500"}]}
				""".formatted(created.milestones().get(0), created.milestones().get(0), created.milestones().get(1)));
	}

	private HttpProbe.Response post(String taskBookAction, String user) {
		return this.http.postJson(base(this.project.project()) + "/task-book/" + taskBookAction, token(user), "{}");
	}

	private MilestoneState status(UUID milestone) {
		return stub("officer").getMilestoneStatus(GetMilestoneStatusRequest.newBuilder()
			.setProjectId(this.project.project().toString())
			.setMilestoneId(milestone.toString())
			.build()).getState();
	}

	private String milestonePath(UUID milestone) {
		return base(this.project.project()) + "/milestones/" + milestone;
	}

	private static String base(UUID project) {
		return "/api/projects/projects/" + project;
	}

	private ProjectServiceGrpc.ProjectServiceBlockingStub stub(String user) {
		return GrpcChannels.withToken(ProjectServiceGrpc.newBlockingStub(this.channel), token(user));
	}

}
