package cn.jiangmen.innovation.project.execution;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import cn.jiangmen.innovation.contracts.project.v1.CheckRound;
import cn.jiangmen.innovation.contracts.project.v1.CheckRoundKind;
import cn.jiangmen.innovation.contracts.project.v1.CheckRoundState;
import cn.jiangmen.innovation.contracts.project.v1.IssueTaskBookRequest;
import cn.jiangmen.innovation.contracts.project.v1.IssueTaskBookResponse;
import cn.jiangmen.innovation.contracts.project.v1.KpiTarget;
import cn.jiangmen.innovation.contracts.project.v1.ListCheckRoundsRequest;
import cn.jiangmen.innovation.contracts.project.v1.ListCheckRoundsResponse;
import cn.jiangmen.innovation.contracts.project.v1.OpenCheckRoundRequest;
import cn.jiangmen.innovation.contracts.project.v1.ProjectServiceGrpc;
import cn.jiangmen.innovation.contracts.project.v1.TaskBookState;
import cn.jiangmen.innovation.testsupport.ServiceIntegrationTest;
import cn.jiangmen.innovation.testsupport.ServiceTestProperties;
import cn.jiangmen.innovation.testsupport.client.GrpcChannels;
import com.google.rpc.BadRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The RPCs the manager's project page uses to issue the task book (IssueTaskBook) and to open and
 * list check rounds (OpenCheckRound, ListCheckRounds), against real PostgreSQL and Keycloak tokens:
 * each success with what it wrote (task book, KPI targets, round, outbox message to review-service),
 * each refusal with its field or code and nothing written, and the denials (the lead's applicant may
 * read but not issue or open; another organisation gets NOT_FOUND; an expert PERMISSION_DENIED).
 */
class TaskBookAndCheckRoundRpcsIT extends ServiceIntegrationTest {

	static final UUID ORG_1 = UUID.fromString("7d1c2a8e-0000-4000-8000-000000000001");

	static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		ServiceTestProperties.register(registry, "project_execution_it");
		registry.add("jiangmen.project.deadline-watch.enabled", () -> "false");
		registry.add("jiangmen.outbox.relay.enabled", () -> "false");
	}

	@Autowired
	JdbcClient jdbc;

	ApprovedProjects fixture;

	ApprovedProjects.Created project;

	@BeforeEach
	void approved() {
		this.fixture = new ApprovedProjects(this.jdbc);
		this.fixture.clear();
		this.jdbc.sql("delete from outbox").update();
		this.project = this.fixture.approved(ORG_1, "LED 背光模组", "TASK_BOOK", 150_000_000L,
				List.of(new ApprovedProjects.Plan("样机 Prototype module", TODAY.plusMonths(6), 60_000_000L),
						new ApprovedProjects.Plan("量产 Pilot production", TODAY.plusMonths(18), 90_000_000L)));
	}

	@Test
	void theManagerIssuesTheTaskBookWithKpiTargetsAndTheLeadReadsIt() {
		IssueTaskBookResponse issued = stub("manager").issueTaskBook(issue(this.project,
				target(this.project.milestones().get(0), "发明专利申请", "件", "3"),
				target(this.project.milestones().get(1), "样机", "台", "2.5")));
		assertThat(issued.getStatus().getState()).isEqualTo(TaskBookState.TASK_BOOK_STATE_ISSUED);
		assertThat(issued.getStatus().getIssuedBy()).isEqualTo("manager");
		assertThat(issued.getKpiTargetsList()).extracting(KpiTarget::getName).containsExactlyInAnyOrder("发明专利申请", "样机");
		assertThat(issued.getKpiTargetsList()).allSatisfy(t -> assertThat(t.getKpiTargetId()).isNotEmpty());
		assertThat(stub("applicant1").getTaskBook(cn.jiangmen.innovation.contracts.project.v1.GetTaskBookRequest.newBuilder()
			.setProjectId(this.project.project().toString())
			.build()).getKpiTargetsCount()).isEqualTo(2);
		assertThat(code(() -> stub("manager").issueTaskBook(issue(this.project))))
			.isEqualTo(Status.Code.FAILED_PRECONDITION);
		assertThat(this.jdbc.sql("select count(*) from audit_log where action = 'project.task-book.issued' and object_id = :id")
			.param("id", this.project.project().toString())
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void badTargetsAndTranchesNotAddingUpAreNamedAndNothingIsWritten() {
		assertThatThrownBy(() -> stub("manager").issueTaskBook(issue(this.project,
				target(this.project.milestones().get(0), "", "件", "-1"),
				target(UUID.randomUUID(), "专利", "件", "3"))))
			.isInstanceOfSatisfying(StatusRuntimeException.class, ex -> {
				assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
				assertThat(fields(ex)).containsExactlyInAnyOrder("kpiTargets[0].name", "kpiTargets[0].target",
						"kpiTargets[1].milestoneId");
			});
		ApprovedProjects.Created short_ = this.fixture.approved(ORG_1, "海工装备", "TASK_BOOK", 150_000_000L,
				List.of(new ApprovedProjects.Plan("样机", TODAY.plusMonths(6), 140_000_000L)));
		assertThatThrownBy(() -> stub("manager").issueTaskBook(issue(short_)))
			.isInstanceOfSatisfying(StatusRuntimeException.class, ex -> {
				assertThat(fields(ex)).containsExactly("milestones.trancheFen");
				assertThat(descriptions(ex)).anySatisfy(d -> assertThat(d).contains("1,400,000.00").contains("1,500,000.00"));
			});
		assertThat(this.jdbc.sql("select count(*) from task_book").query(Integer.class).single()).isZero();
		assertThat(this.jdbc.sql("select count(*) from milestone_kpi_target").query(Integer.class).single()).isZero();
	}

	@Test
	void onlyTheProgramManagerIssuesOrOpensAndAnotherOrganisationSeesNothing() {
		assertThat(code(() -> stub("applicant1").issueTaskBook(issue(this.project)))).isEqualTo(Status.Code.PERMISSION_DENIED);
		assertThat(code(() -> stub("auditor").issueTaskBook(issue(this.project)))).isEqualTo(Status.Code.PERMISSION_DENIED);
		assertThat(code(() -> stub("applicant2").issueTaskBook(issue(this.project)))).isEqualTo(Status.Code.NOT_FOUND);
		inExecution();
		OpenCheckRoundRequest open = open(this.project, CheckRoundKind.CHECK_ROUND_KIND_MID_TERM);
		assertThat(code(() -> stub("applicant1").openCheckRound(open))).isEqualTo(Status.Code.PERMISSION_DENIED);
		assertThat(code(() -> stub("auditor").openCheckRound(open))).isEqualTo(Status.Code.PERMISSION_DENIED);
		assertThat(code(() -> stub("applicant2").openCheckRound(open))).isEqualTo(Status.Code.NOT_FOUND);
		assertThat(code(() -> stub("applicant2").listCheckRounds(list(this.project, 0, "")))).isEqualTo(Status.Code.NOT_FOUND);
		assertThat(code(() -> stub("expert1").listCheckRounds(list(this.project, 0, ""))))
			.isEqualTo(Status.Code.PERMISSION_DENIED);
		assertThat(this.jdbc.sql("select count(*) from check_round").query(Integer.class).single()).isZero();
	}

	@Test
	void theManagerOpensAMidTermCheckWhichGoesToReviewAndEveryReaderListsTheRounds() {
		inExecution();
		assertThatThrownBy(() -> stub("manager").openCheckRound(open(this.project, CheckRoundKind.CHECK_ROUND_KIND_UNSPECIFIED)))
			.isInstanceOfSatisfying(StatusRuntimeException.class, ex -> assertThat(fields(ex)).containsExactly("kind"));
		assertThat(code(() -> stub("manager").openCheckRound(open(this.project, CheckRoundKind.CHECK_ROUND_KIND_FINAL_ACCEPTANCE))))
			.isEqualTo(Status.Code.FAILED_PRECONDITION);

		CheckRound opened = stub("manager").openCheckRound(open(this.project, CheckRoundKind.CHECK_ROUND_KIND_MID_TERM))
			.getCheckRound();
		assertThat(opened.getState()).isEqualTo(CheckRoundState.CHECK_ROUND_STATE_OPEN);
		assertThat(opened.getKind()).isEqualTo(CheckRoundKind.CHECK_ROUND_KIND_MID_TERM);
		assertThat(opened.getOpenedBy()).isEqualTo("manager");
		assertThat(opened.getPanelScore()).isEmpty();
		assertThat(this.jdbc.sql("select count(*) from outbox where idempotency_key = :key")
			.param("key", "project-check-round-review:" + opened.getCheckRoundId())
			.query(Integer.class)
			.single()).isEqualTo(1);
		assertThat(code(() -> stub("manager").openCheckRound(open(this.project, CheckRoundKind.CHECK_ROUND_KIND_MID_TERM))))
			.isEqualTo(Status.Code.FAILED_PRECONDITION);

		// the manager's decision after an on-site check: a failed round raises the recovery
		assertThat(this.http.postJson("/api/projects/projects/" + this.project.project() + "/check-rounds/"
				+ opened.getCheckRoundId() + "/outcome", token("manager"),
				"{\"outcome\":\"FAIL\",\"panelScore\":\"38\",\"reasons\":\"样机未完成\"}").status()).isEqualTo(200);
		ListCheckRoundsResponse read = stub("applicant1").listCheckRounds(list(this.project, 0, ""));
		assertThat(read.getCheckRoundsList()).singleElement().satisfies(round -> {
			assertThat(round.getState()).isEqualTo(CheckRoundState.CHECK_ROUND_STATE_FAILED);
			assertThat(round.getPanelScore()).isEqualTo("38.00");
			assertThat(round.getReasons()).isEqualTo("样机未完成");
			assertThat(round.getDecidedBy()).isEqualTo("manager");
			assertThat(round.getRecoveryRaised()).isTrue();
		});
		assertThat(read.getNextPageToken()).isEmpty();
		assertThat(stub("auditor").listCheckRounds(list(this.project, 0, "")).getCheckRoundsCount()).isEqualTo(1);
	}

	@Test
	void roundsArePagedNewestFirstWithTheRectificationDeadline() {
		inExecution();
		String base = "/api/projects/projects/" + this.project.project() + "/check-rounds";
		CheckRound first = stub("manager").openCheckRound(open(this.project, CheckRoundKind.CHECK_ROUND_KIND_MID_TERM))
			.getCheckRound();
		assertThat(this.http.postJson(base + "/" + first.getCheckRoundId() + "/outcome", token("manager"),
				"{\"outcome\":\"PASS\",\"panelScore\":\"82\"}").status()).isEqualTo(200);
		CheckRound second = stub("manager").openCheckRound(open(this.project, CheckRoundKind.CHECK_ROUND_KIND_MID_TERM))
			.getCheckRound();
		LocalDate by = TODAY.plusMonths(2);
		assertThat(this.http.postJson(base + "/" + second.getCheckRoundId() + "/outcome", token("manager"),
				"{\"outcome\":\"RECTIFY\",\"panelScore\":\"61\",\"reasons\":\"补充检测报告\",\"rectifyBy\":\"" + by + "\"}")
			.status()).isEqualTo(200);
		ListCheckRoundsResponse page1 = stub("applicant1").listCheckRounds(list(this.project, 1, ""));
		assertThat(page1.getCheckRoundsList()).singleElement().satisfies(round -> {
			assertThat(round.getCheckRoundId()).isEqualTo(second.getCheckRoundId());
			assertThat(round.getState()).isEqualTo(CheckRoundState.CHECK_ROUND_STATE_RECTIFYING);
			assertThat(round.getRectifyBy()).isEqualTo(by.toString());
			assertThat(round.getRecoveryRaised()).isFalse();
		});
		ListCheckRoundsResponse page2 = stub("applicant1").listCheckRounds(list(this.project, 1, page1.getNextPageToken()));
		assertThat(page2.getCheckRoundsList()).extracting(CheckRound::getCheckRoundId).containsExactly(first.getCheckRoundId());
		assertThat(page2.getNextPageToken()).isEmpty();
		assertThatThrownBy(() -> stub("applicant1").listCheckRounds(list(this.project, 500, "")))
			.isInstanceOfSatisfying(StatusRuntimeException.class, ex -> assertThat(fields(ex)).containsExactly("page_size"));
	}

	/** Issued over gRPC, accepted and countersigned over REST: the project is in execution. */
	private void inExecution() {
		stub("manager").issueTaskBook(issue(this.project, target(this.project.milestones().get(0), "发明专利申请", "件", "3")));
		String base = "/api/projects/projects/" + this.project.project() + "/task-book";
		assertThat(this.http.postJson(base + "/acceptance", token("applicant1"), "{}").status()).isEqualTo(200);
		assertThat(this.http.postJson(base + "/countersignature", token("manager"), "{}").status()).isEqualTo(200);
	}

	private static IssueTaskBookRequest issue(ApprovedProjects.Created project, KpiTarget... targets) {
		return IssueTaskBookRequest.newBuilder()
			.setProjectId(project.project().toString())
			.addAllKpiTargets(List.of(targets))
			.build();
	}

	private static KpiTarget target(UUID milestone, String name, String unit, String value) {
		return KpiTarget.newBuilder().setMilestoneId(milestone.toString()).setName(name).setUnit(unit).setTarget(value).build();
	}

	private static OpenCheckRoundRequest open(ApprovedProjects.Created project, CheckRoundKind kind) {
		return OpenCheckRoundRequest.newBuilder().setProjectId(project.project().toString()).setKind(kind).build();
	}

	private static ListCheckRoundsRequest list(ApprovedProjects.Created project, int size, String token) {
		return ListCheckRoundsRequest.newBuilder()
			.setProjectId(project.project().toString())
			.setPageSize(size)
			.setPageToken(token)
			.build();
	}

	private static List<BadRequest.FieldViolation> violations(StatusRuntimeException ex) {
		return StatusProto.fromThrowable(ex)
			.getDetailsList()
			.stream()
			.filter(d -> d.is(BadRequest.class))
			.flatMap(d -> {
				try {
					return d.unpack(BadRequest.class).getFieldViolationsList().stream();
				}
				catch (com.google.protobuf.InvalidProtocolBufferException bad) {
					throw new IllegalStateException(bad);
				}
			})
			.toList();
	}

	private static List<String> fields(StatusRuntimeException ex) {
		return violations(ex).stream().map(BadRequest.FieldViolation::getField).toList();
	}

	private static List<String> descriptions(StatusRuntimeException ex) {
		return violations(ex).stream().map(BadRequest.FieldViolation::getDescription).toList();
	}

	private static Status.Code code(Runnable call) {
		try {
			call.run();
		}
		catch (StatusRuntimeException ex) {
			return ex.getStatus().getCode();
		}
		throw new AssertionError("the call was not refused");
	}

	private ProjectServiceGrpc.ProjectServiceBlockingStub stub(String user) {
		return GrpcChannels.withToken(ProjectServiceGrpc.newBlockingStub(this.channel), token(user));
	}

}
