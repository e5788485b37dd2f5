package cn.jiangmen.innovation.project.execution;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import cn.jiangmen.innovation.contracts.project.v1.DueWindow;
import cn.jiangmen.innovation.contracts.project.v1.GetProjectSummaryRequest;
import cn.jiangmen.innovation.contracts.project.v1.ListDueMilestonesRequest;
import cn.jiangmen.innovation.contracts.project.v1.ListDueMilestonesResponse;
import cn.jiangmen.innovation.contracts.project.v1.ProjectServiceGrpc;
import cn.jiangmen.innovation.contracts.project.v1.ProjectStage;
import cn.jiangmen.innovation.platform.audit.Audit;
import cn.jiangmen.innovation.project.application.execution.DeadlineWatch;
import cn.jiangmen.innovation.project.domain.execution.DeadlineNotices;
import cn.jiangmen.innovation.testsupport.ServiceIntegrationTest;
import cn.jiangmen.innovation.testsupport.ServiceTestProperties;
import cn.jiangmen.innovation.testsupport.client.GrpcChannels;
import cn.jiangmen.innovation.testsupport.client.HttpProbe;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Execution over time against real PostgreSQL, Redis and Keycloak tokens: the deadline watch on a
 * fixed clock (one run at a time through the advisory lock), the due-soon and overdue lists, change
 * requests applied on approval with before/after, mid-term check with rectification, and a failed
 * final acceptance that marks the project FAILED with a recovery case.
 */
class ExecutionLifecycleIT extends ServiceIntegrationTest {

	static final UUID ORG_1 = UUID.fromString("7d1c2a8e-0000-4000-8000-000000000001");

	static final UUID ORG_2 = UUID.fromString("7d1c2a8e-0000-4000-8000-000000000002");

	static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		ServiceTestProperties.register(registry, "project_execution_it");
		registry.add("jiangmen.project.deadline-watch.enabled", () -> "false");
	}

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DeadlineNotices notices;

	@Autowired
	Audit audit;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	DataSource dataSource;

	ApprovedProjects fixture;

	@BeforeEach
	void clear() {
		this.fixture = new ApprovedProjects(this.jdbc);
		this.fixture.clear();
	}

	@Test
	void theDeadlineWatchNoticesDueSoonAndOverdueMilestonesOnceOnAFixedClock() throws Exception {
		LocalDate today = LocalDate.of(2027, 3, 1);
		Clock clock = Clock.fixed(today.atTime(10, 0).toInstant(ZoneOffset.ofHours(8)), ZoneOffset.UTC);
		ApprovedProjects.Created running = this.fixture.approved(ORG_1, "Running", "EXECUTION", 400L,
				List.of(new ApprovedProjects.Plan("Overdue", today.minusDays(9), 100L),
						new ApprovedProjects.Plan("Due soon", today.plusDays(19), 100L),
						new ApprovedProjects.Plan("Due today", today, 100L),
						new ApprovedProjects.Plan("Later", today.plusDays(31), 100L)));
		this.fixture.approved(ORG_2, "Not running yet", "TASK_BOOK", 100L,
				List.of(new ApprovedProjects.Plan("Not watched", today.minusDays(30), 100L)));
		DeadlineWatch watch = new DeadlineWatch(this.notices, this.audit, clock);
		TransactionTemplate transaction = new TransactionTemplate(this.transactions);

		DeadlineWatch.Scan first = transaction.execute(status -> watch.scan());
		assertThat(first.ran()).isTrue();
		assertThat(first.today()).isEqualTo(today);
		assertThat(first.overdueNew()).isEqualTo(1);
		assertThat(first.dueSoonNew()).isEqualTo(2);
		assertThat(this.jdbc.sql("""
				select m.title || ':' || n.kind from milestone_deadline_notice n join milestone m on m.id = n.milestone_id
				order by m.sequence""").query(String.class).list())
			.containsExactly("Overdue:OVERDUE", "Due soon:DUE_SOON", "Due today:DUE_SOON");
		assertThat(this.jdbc.sql("select noticed_on from milestone_deadline_notice").query(LocalDate.class).list())
			.containsOnly(today);

		DeadlineWatch.Scan again = transaction.execute(status -> watch.scan());
		assertThat(again.ran()).isTrue();
		assertThat(again.overdueNew() + again.dueSoonNew()).as("each milestone is noticed once").isZero();
		assertThat(this.jdbc.sql("select count(*) from deadline_scan").query(Integer.class).single()).isEqualTo(2);

		// a second replica's run while the first holds the lock skips its turn and writes nothing
		try (Connection other = this.dataSource.getConnection(); Statement statement = other.createStatement()) {
			statement.execute("select pg_advisory_lock(hashtextextended('project-service.deadline-watch', 0))");
			DeadlineWatch.Scan skipped = transaction.execute(status -> watch.scan());
			assertThat(skipped.ran()).isFalse();
			statement.execute("select pg_advisory_unlock(hashtextextended('project-service.deadline-watch', 0))");
		}
		assertThat(this.jdbc.sql("select count(*) from deadline_scan").query(Integer.class).single()).isEqualTo(2);
		assertThat(this.jdbc.sql("select count(*) from audit_log where action = 'milestone.deadlines-noticed' and actor = 'deadline-watch'")
			.query(Integer.class).single()).isGreaterThanOrEqualTo(1);
		assertThat(running.milestones()).hasSize(4);
	}

	@Test
	void managersListDueSoonAndOverdueMilestonesAndApplicantsOnlyTheirOwn() {
		this.fixture.approved(ORG_1, "Own project", "EXECUTION", 200L,
				List.of(new ApprovedProjects.Plan("Own overdue", TODAY.minusDays(3), 100L),
						new ApprovedProjects.Plan("Own due soon", TODAY.plusDays(10), 100L)));
		this.fixture.approved(ORG_2, "Other project", "MID_TERM", 100L,
				List.of(new ApprovedProjects.Plan("Other overdue", TODAY.minusDays(40), 100L)));
		HttpProbe.Response overdue = this.http.get("/api/projects/due-milestones?window=OVERDUE", token("manager"));
		assertThat(overdue.status()).isEqualTo(200);
		assertThat(overdue.json().get("milestones").findValues("milestone")
			.stream()
			.map(m -> m.get("title").asString())
			.toList()).containsExactly("Other overdue", "Own overdue");
		HttpProbe.Response soon = this.http.get("/api/projects/due-milestones?window=DUE_SOON", token("auditor"));
		assertThat(soon.json().get("milestones").get(0).get("projectTitle").asString()).isEqualTo("Own project");
		ListDueMilestonesResponse own = stub("applicant1")
			.listDueMilestones(ListDueMilestonesRequest.newBuilder().setWindow(DueWindow.DUE_WINDOW_OVERDUE).build());
		assertThat(own.getDueMilestonesList()).extracting(due -> due.getMilestone().getTitle()).containsExactly("Own overdue");
		HttpProbe.Response bad = this.http.get("/api/projects/due-milestones?window=LATE", token("manager"));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.json().get("errors").get(0).get("field").asString()).isEqualTo("window");
		assertThat(this.http.get("/api/projects/due-milestones", token("expert1")).status()).isEqualTo(403);
	}

	@Test
	void changeRequestsAreAppliedOnApprovalWithBeforeAndAfterOrRejectedWithAReason() {
		ApprovedProjects.Created project = inExecution();
		UUID milestone = project.milestones().get(0);
		HttpProbe.Response bad = change(project, """
				{"kind":"MILESTONE_DATE","reason":"","milestoneId":"%s","newDueDate":"2020-01-01"}""".formatted(UUID.randomUUID()));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("reason", "milestoneId",
				"newDueDate");
		LocalDate later = TODAY.plusMonths(9);
		HttpProbe.Response asked = change(project, """
				{"kind":"MILESTONE_DATE","reason":"The supplier of the LED driver chips is late","milestoneId":"%s","newDueDate":"%s"}"""
			.formatted(milestone, later));
		assertThat(asked.status()).as(asked.body()).isEqualTo(201);
		String id = asked.json().get("id").asString();
		assertThat(this.http.postJson(changes(project) + "/" + id + "/approval", token("auditor"), "{}").status()).isEqualTo(403);
		assertThat(this.http.postJson(changes(project) + "/" + id + "/approval", token("applicant1"), "{}").status()).isEqualTo(403);
		HttpProbe.Response approved = this.http.postJson(changes(project) + "/" + id + "/approval", token("manager"),
				"{\"reason\":\"Agreed\"}");
		assertThat(approved.status()).isEqualTo(200);
		assertThat(approved.json().get("before").get("dueDate").asString()).isEqualTo(TODAY.plusMonths(6).toString());
		assertThat(approved.json().get("after").get("dueDate").asString()).isEqualTo(later.toString());
		assertThat(this.jdbc.sql("select due_date from milestone where id = :id").param("id", milestone)
			.query(LocalDate.class).single()).isEqualTo(later);
		assertThat(this.http.postJson(changes(project) + "/" + id + "/approval", token("manager"), "{}").status())
			.as("decided once").isEqualTo(409);

		String kpi = this.jdbc.sql("select id::text from milestone_kpi_target where milestone_id = :m")
			.param("m", milestone).query(String.class).single();
		String kpiChange = change(project, """
				{"kind":"KPI_TARGET","reason":"A patent was merged into another","kpiTargetId":"%s","newTarget":"2"}"""
			.formatted(kpi)).json().get("id").asString();
		HttpProbe.Response kpiApproved = this.http.postJson(changes(project) + "/" + kpiChange + "/approval",
				token("manager"), "{}");
		assertThat(kpiApproved.json().get("before").get("target").asString()).isEqualTo("3.00");
		assertThat(kpiApproved.json().get("after").get("target").asString()).isEqualTo("2");

		String budget = change(project, """
				{"kind":"BUDGET_REALLOCATION","reason":"Testing costs more","fromCategory":"equipment","toCategory":"testing","amount":"50000.00"}""")
			.json().get("id").asString();
		// this project was inserted without its proposal: no budget lines of record to move (ChangeRequestsAppliedIT
		// moves them on a project approved from its proposal)
		HttpProbe.Response noBudget = this.http.postJson(changes(project) + "/" + budget + "/approval", token("manager"), "{}");
		assertThat(noBudget.status()).isEqualTo(409);
		assertThat(noBudget.json().get("code").asString()).isEqualTo("change-request.no-proposal");
		assertThat(this.jdbc.sql("select count(*) from budget_reallocation").query(Long.class).single()).isZero();
		HttpProbe.Response unknownCategory = change(project, """
				{"kind":"BUDGET_REALLOCATION","reason":"x","fromCategory":"catering","toCategory":"testing","amount":"1.00"}""");
		assertThat(unknownCategory.status()).isEqualTo(400);
		assertThat(unknownCategory.json().get("errors").findValuesAsString("field")).containsExactly("fromCategory");

		String partner = change(project, """
				{"kind":"PARTNER","reason":"Wuyi University joins for the optics tests","partnerAction":"ADD","organisationId":"%s","partnerRole":"university partner"}"""
			.formatted(ORG_2)).json().get("id").asString();
		HttpProbe.Response noReason = this.http.postJson(changes(project) + "/" + partner + "/rejection", token("manager"), "{}");
		assertThat(noReason.status()).isEqualTo(400);
		HttpProbe.Response rejected = this.http.postJson(changes(project) + "/" + partner + "/rejection", token("manager"),
				"{\"reason\":\"Name the partner's share of work first\"}");
		assertThat(rejected.json().get("state").asString()).isEqualTo("REJECTED");

		HttpProbe.Response history = this.http.get(changes(project), token("auditor"));
		assertThat(history.json().get("changeRequests").findValuesAsString("state")).containsExactly("REJECTED", "PENDING",
				"APPROVED", "APPROVED");
		assertThat(this.http.get(changes(project), token("applicant2")).status()).isEqualTo(404);
		assertThat(this.jdbc.sql("""
				select count(*) from audit_log where object_type = 'change_request'
				and object_id in (select id::text from change_request where project_id = :project)
				""").param("project", project.project()).query(Integer.class).single()).isEqualTo(7);
	}

	@Test
	void aMidTermCheckIsRectifiedThenPassedAndAFailedFinalAcceptanceMarksTheProjectForRecovery() {
		ApprovedProjects.Created project = inExecution();
		HttpProbe.Response opened = round(project, "MID_TERM");
		assertThat(opened.status()).as(opened.body()).isEqualTo(201);
		assertThat(round(project, "MID_TERM").status()).as("one round at a time").isEqualTo(409);
		String round = opened.json().get("id").asString();
		HttpProbe.Response bad = outcome(project, round, "{\"outcome\":\"RECTIFY\",\"panelScore\":\"120\"}");
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("panelScore", "reasons",
				"rectifyBy");
		HttpProbe.Response rectify = outcome(project, round, """
				{"outcome":"RECTIFY","panelScore":"68.5","reasons":"Add the reliability test","rectifyBy":"%s"}"""
			.formatted(TODAY.plusMonths(2)));
		assertThat(rectify.json().get("state").asString()).isEqualTo("RECTIFYING");
		assertThat(summary(project).getStage()).isEqualTo(ProjectStage.PROJECT_STAGE_MID_TERM);
		assertThat(outcome(project, round, "{\"outcome\":\"PASS\",\"panelScore\":\"81\"}").status()).isEqualTo(200);
		assertThat(summary(project).getStage()).isEqualTo(ProjectStage.PROJECT_STAGE_EXECUTION);

		HttpProbe.Response tooEarly = round(project, "FINAL_ACCEPTANCE");
		assertThat(tooEarly.status()).isEqualTo(409);
		assertThat(tooEarly.json().get("detail").asString()).contains("样机 Prototype module", "PLANNED");
		UUID first = project.milestones().get(0);
		String kpi = this.jdbc.sql("select id::text from milestone_kpi_target where milestone_id = :m")
			.param("m", first).query(String.class).single();
		for (UUID milestone : project.milestones()) {
			String values = milestone.equals(first) ? "[{\"kpiTargetId\":\"%s\",\"reached\":\"3\"}]".formatted(kpi) : "[]";
			assertThat(this.http.postJson(milestone(project, milestone) + "/reports", token("applicant1"),
					"{\"summary\":\"done\",\"kpiValues\":" + values + ",\"documents\":[]}").status()).isEqualTo(201);
		}
		assertThat(this.http.postJson(milestone(project, first) + "/acceptance", token("manager"), "{}").status()).isEqualTo(200);
		this.jdbc.sql("update milestone set state = 'ACCEPTED', accepted_at = now(), version = version + 1 where id = :id")
			.param("id", project.milestones().get(1)).update();
		String last = round(project, "FINAL_ACCEPTANCE").json().get("id").asString();
		HttpProbe.Response failed = outcome(project, last,
				"{\"outcome\":\"FAIL\",\"panelScore\":\"42\",\"reasons\":\"Pilot line not built\"}");
		assertThat(failed.json().get("state").asString()).isEqualTo("FAILED");
		assertThat(summary(project).getStage()).isEqualTo(ProjectStage.PROJECT_STAGE_FAILED);
		assertThat(summary(project).getMarkedForRecovery()).isTrue();
		JsonNode recovery = this.http.get("/api/projects/projects/" + project.project() + "/summary", token("auditor")).json().get("recovery");
		assertThat(recovery.get("releasedYuan").asString()).isEqualTo("1500000.00");
		assertThat(recovery.get("reason").asString()).contains("Failed final acceptance", "42", "Pilot line not built");
		assertThat(this.jdbc.sql("select count(*) from audit_log where action = 'project.marked-for-recovery' and object_id = :id")
			.param("id", project.project().toString()).query(Integer.class).single()).isEqualTo(1);
		assertThat(round(project, "MID_TERM").status()).as("a failed project takes no round").isEqualTo(409);
	}

	private ApprovedProjects.Created inExecution() {
		ApprovedProjects.Created project = this.fixture.approved(ORG_1, "LED 背光模组", "TASK_BOOK", 150_000_000L,
				List.of(new ApprovedProjects.Plan("样机 Prototype module", TODAY.plusMonths(6), 60_000_000L),
						new ApprovedProjects.Plan("量产 Pilot production", TODAY.plusMonths(18), 90_000_000L)));
		String base = "/api/projects/projects/" + project.project() + "/task-book";
		assertThat(this.http.postJson(base, token("manager"), """
				{"kpiTargets":[{"milestoneId":"%s","name":"发明专利申请","unit":"件","target":"3.00"}]}
				""".formatted(project.milestones().get(0))).status()).isEqualTo(200);
		assertThat(this.http.postJson(base + "/acceptance", token("applicant1"), "{}").status()).isEqualTo(200);
		assertThat(this.http.postJson(base + "/countersignature", token("manager"), "{}").status()).isEqualTo(200);
		return project;
	}

	private HttpProbe.Response change(ApprovedProjects.Created project, String body) {
		return this.http.postJson(changes(project), token("applicant1"), body);
	}

	private static String changes(ApprovedProjects.Created project) {
		return "/api/projects/projects/" + project.project() + "/change-requests";
	}

	private HttpProbe.Response round(ApprovedProjects.Created project, String kind) {
		return this.http.postJson("/api/projects/projects/" + project.project() + "/check-rounds", token("manager"),
				"{\"kind\":\"" + kind + "\"}");
	}

	private HttpProbe.Response outcome(ApprovedProjects.Created project, String round, String body) {
		return this.http.postJson("/api/projects/projects/" + project.project() + "/check-rounds/" + round + "/outcome",
				token("manager"), body);
	}

	private static String milestone(ApprovedProjects.Created project, UUID milestone) {
		return "/api/projects/projects/" + project.project() + "/milestones/" + milestone;
	}

	private cn.jiangmen.innovation.contracts.project.v1.ProjectSummary summary(ApprovedProjects.Created project) {
		return stub("manager").getProjectSummary(
				GetProjectSummaryRequest.newBuilder().setProjectId(project.project().toString()).build()).getSummary();
	}

	private ProjectServiceGrpc.ProjectServiceBlockingStub stub(String user) {
		return GrpcChannels.withToken(ProjectServiceGrpc.newBlockingStub(this.channel), token(user));
	}


}
