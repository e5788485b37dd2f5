package cn.jiangmen.innovation.project.execution;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import cn.jiangmen.innovation.contracts.project.v1.AcceptMilestoneRequest;
import cn.jiangmen.innovation.contracts.project.v1.AddPriorityFieldRequest;
import cn.jiangmen.innovation.contracts.project.v1.ChangeRequest;
import cn.jiangmen.innovation.contracts.project.v1.ChangeRequestDecision;
import cn.jiangmen.innovation.contracts.project.v1.ChangeRequestKind;
import cn.jiangmen.innovation.contracts.project.v1.ChangeRequestState;
import cn.jiangmen.innovation.contracts.project.v1.ChangeValue;
import cn.jiangmen.innovation.contracts.project.v1.DecideChangeRequestRequest;
import cn.jiangmen.innovation.contracts.project.v1.FieldKind;
import cn.jiangmen.innovation.contracts.project.v1.GetMilestoneStatusRequest;
import cn.jiangmen.innovation.contracts.project.v1.ListChangeRequestsRequest;
import cn.jiangmen.innovation.contracts.project.v1.ListProjectsRequest;
import cn.jiangmen.innovation.contracts.project.v1.ListProjectsResponse;
import cn.jiangmen.innovation.contracts.project.v1.MilestoneState;
import cn.jiangmen.innovation.contracts.project.v1.PortfolioProject;
import cn.jiangmen.innovation.contracts.project.v1.PriorityField;
import cn.jiangmen.innovation.contracts.project.v1.ProjectServiceGrpc;
import cn.jiangmen.innovation.contracts.project.v1.ProjectStage;
import cn.jiangmen.innovation.contracts.project.v1.RenamePriorityFieldRequest;
import cn.jiangmen.innovation.contracts.project.v1.RetirePriorityFieldRequest;
import cn.jiangmen.innovation.contracts.project.v1.ReturnMilestoneRequest;
import cn.jiangmen.innovation.contracts.project.v1.TaskBookState;
import cn.jiangmen.innovation.testsupport.ServiceIntegrationTest;
import cn.jiangmen.innovation.testsupport.ServiceTestProperties;
import cn.jiangmen.innovation.testsupport.client.GrpcChannels;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The gRPC RPCs behind the manager's and admin's portal pages, against real PostgreSQL and Keycloak
 * tokens: field management (admins only), the portfolio filtered by field, year and stage (an
 * applicant sees only the own organisation's), milestone accept/return and change-request decisions
 * (program managers only; another organisation gets NOT_FOUND), each with its denials.
 */
class ManagerRpcsIT extends ServiceIntegrationTest {

	static final UUID ORG_1 = UUID.fromString("7d1c2a8e-0000-4000-8000-000000000001");

	static final UUID ORG_2 = UUID.fromString("7d1c2a8e-0000-4000-8000-000000000002");

	static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		ServiceTestProperties.register(registry, "project_manager_it");
		registry.add("jiangmen.project.deadline-watch.enabled", () -> "false");
	}

	@Autowired
	JdbcClient jdbc;

	ApprovedProjects fixture;

	@BeforeEach
	void clear() {
		this.fixture = new ApprovedProjects(this.jdbc);
		this.fixture.clear();
		removeTestFields();
	}

	@AfterEach
	void removeTestFields() {
		this.jdbc.sql("delete from priority_field where code like 'it-%'").update();
	}

	@Test
	void anAdminAddsRenamesAndRetiresAFieldOverGrpcAndNobodyElseMay() {
		PriorityField added = stub("admin").addPriorityField(AddPriorityFieldRequest.newBuilder()
			.setCode("it-hydrogen")
			.setKind(FieldKind.FIELD_KIND_CITY)
			.setNameZh("氢能")
			.setNameEn("Hydrogen energy")
			.build()).getField();
		assertThat(added.getVersion()).isZero();
		PriorityField renamed = stub("admin").renamePriorityField(RenamePriorityFieldRequest.newBuilder()
			.setCode("it-hydrogen").setNameZh("氢能及燃料电池").setNameEn("Hydrogen and fuel cells").setVersion(0).build())
			.getField();
		assertThat(renamed.getNameZh()).isEqualTo("氢能及燃料电池");
		assertThat(renamed.getVersion()).isEqualTo(1);
		refused(Status.Code.FAILED_PRECONDITION, () -> stub("admin").renamePriorityField(RenamePriorityFieldRequest
			.newBuilder().setCode("it-hydrogen").setNameZh("旧").setNameEn("Old").setVersion(0).build()));
		PriorityField retired = stub("admin").retirePriorityField(
				RetirePriorityFieldRequest.newBuilder().setCode("it-hydrogen").build()).getField();
		assertThat(retired.getRetired()).isTrue();
		assertThat(retired.hasRetiredAt()).isTrue();
		assertThat(this.jdbc.sql("select count(*) from priority_field where code = 'it-hydrogen'").query(Integer.class)
			.single()).as("a retired field keeps its row").isEqualTo(1);

		assertThatThrownBy(() -> stub("admin").addPriorityField(AddPriorityFieldRequest.newBuilder()
			.setCode("it-x").setKind(FieldKind.FIELD_KIND_UNSPECIFIED).setNameZh(" ").setNameEn("X").build()))
			.isInstanceOfSatisfying(StatusRuntimeException.class, ex -> {
				assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
				assertThat(GrpcChannels.fieldViolations(ex)).containsExactly("kind");
			});
		assertThatThrownBy(() -> stub("admin").addPriorityField(AddPriorityFieldRequest.newBuilder()
			.setCode("it-x").setKind(FieldKind.FIELD_KIND_CITY).setNameZh(" ").setNameEn("X").build()))
			.isInstanceOfSatisfying(StatusRuntimeException.class,
					ex -> assertThat(GrpcChannels.fieldViolations(ex)).containsExactly("name_zh"));
		refused(Status.Code.NOT_FOUND, () -> stub("admin").retirePriorityField(
				RetirePriorityFieldRequest.newBuilder().setCode("it-nothing").build()));
		for (String user : List.of("manager", "auditor", "applicant1", "expert1")) {
			refused(Status.Code.PERMISSION_DENIED, () -> stub(user).addPriorityField(AddPriorityFieldRequest.newBuilder()
				.setCode("it-other").setKind(FieldKind.FIELD_KIND_CITY).setNameZh("其他").setNameEn("Other").build()));
			refused(Status.Code.PERMISSION_DENIED, () -> stub(user).retirePriorityField(
					RetirePriorityFieldRequest.newBuilder().setCode("rail-transit-equipment").build()));
		}
		assertThat(this.jdbc.sql("select retired_at is null from priority_field where code = 'rail-transit-equipment'")
			.query(Boolean.class).single()).isTrue();
	}

	@Test
	void thePortfolioFiltersByFieldYearAndStageAndAnApplicantSeesOnlyTheOwnOrganisation() {
		ApprovedProjects.Created lighting = this.fixture.approved(ORG_1, "LED 背光模组", "EXECUTION", 100L,
				List.of(new ApprovedProjects.Plan("样机", TODAY.plusMonths(2), 100L)));
		ApprovedProjects.Created rail = this.fixture.approved(ORG_2, "轨道车辆制动", "TASK_BOOK", 100L,
				List.of(new ApprovedProjects.Plan("设计", TODAY.plusMonths(3), 100L)));
		this.jdbc.sql("update project set field_code = 'rail-transit-equipment' where id = :id")
			.param("id", rail.project()).update();
		int year = TODAY.getYear();

		assertThat(ids(portfolio("manager", b -> { }))).containsExactlyInAnyOrder(lighting.project(), rail.project());
		assertThat(ids(portfolio("auditor", b -> b.setFieldCode("rail-transit-equipment")))).containsExactly(rail.project());
		assertThat(ids(portfolio("manager", b -> b.setStage(ProjectStage.PROJECT_STAGE_EXECUTION))))
			.containsExactly(lighting.project());
		assertThat(ids(portfolio("manager", b -> b.setYear(year - 1)))).isEmpty();
		ListProjectsResponse thisYear = portfolio("manager", b -> b.setYear(year).setPageSize(1));
		assertThat(thisYear.getProjectsList()).hasSize(1);
		assertThat(thisYear.getNextPageToken()).isNotEmpty();
		PortfolioProject first = thisYear.getProjects(0);
		assertThat(first.getYear()).isEqualTo(year);
		assertThat(first.hasApprovedAt()).isTrue();
		assertThat(first.getSummary().getMilestonesList()).hasSize(1);

		assertThat(ids(portfolio("applicant1", b -> { }))).containsExactly(lighting.project());
		refused(Status.Code.PERMISSION_DENIED, () -> portfolio("expert1", b -> { }));
		refused(Status.Code.PERMISSION_DENIED, () -> portfolio("admin", b -> { }));
		assertThatThrownBy(() -> portfolio("manager", b -> b.setYear(12)))
			.isInstanceOfSatisfying(StatusRuntimeException.class,
					ex -> assertThat(GrpcChannels.fieldViolations(ex)).containsExactly("year"));
	}

	@Test
	void aManagerReturnsThenAcceptsAReportedMilestoneAndNobodyElseMay() {
		ApprovedProjects.Created project = inExecution();
		UUID milestone = project.milestones().get(0);
		report(project, milestone);
		AcceptMilestoneRequest accept = AcceptMilestoneRequest.newBuilder()
			.setProjectId(project.project().toString()).setMilestoneId(milestone.toString()).build();
		refused(Status.Code.PERMISSION_DENIED, () -> stub("applicant1").acceptMilestone(accept));
		refused(Status.Code.PERMISSION_DENIED, () -> stub("auditor").acceptMilestone(accept));
		refused(Status.Code.NOT_FOUND, () -> stub("applicant2").acceptMilestone(accept));
		ReturnMilestoneRequest.Builder back = ReturnMilestoneRequest.newBuilder()
			.setProjectId(project.project().toString()).setMilestoneId(milestone.toString());
		assertThatThrownBy(() -> stub("manager").returnMilestone(back.build()))
			.isInstanceOfSatisfying(StatusRuntimeException.class,
					ex -> assertThat(GrpcChannels.fieldViolations(ex)).containsExactly("reasons"));
		assertThat(stub("manager").returnMilestone(back.setReasons("Attach the test report").build())
			.getMilestone().getState()).isEqualTo(MilestoneState.MILESTONE_STATE_REJECTED);
		refused(Status.Code.FAILED_PRECONDITION, () -> stub("manager").acceptMilestone(accept));
		report(project, milestone);
		assertThat(stub("manager").acceptMilestone(accept).getMilestone().getState())
			.isEqualTo(MilestoneState.MILESTONE_STATE_ACCEPTED);
		assertThat(asService(ProjectServiceGrpc.newBlockingStub(this.channel))
			.getMilestoneStatus(GetMilestoneStatusRequest.newBuilder()
				.setProjectId(project.project().toString()).setMilestoneId(milestone.toString()).build())
			.getState()).as("what funding reads before paying").isEqualTo(MilestoneState.MILESTONE_STATE_ACCEPTED);
		assertThatThrownBy(() -> stub("manager").acceptMilestone(AcceptMilestoneRequest.newBuilder()
			.setProjectId("not-a-uuid").setMilestoneId(milestone.toString()).build()))
			.isInstanceOfSatisfying(StatusRuntimeException.class,
					ex -> assertThat(GrpcChannels.fieldViolations(ex)).containsExactly("project_id"));
	}

	@Test
	void aManagerApprovesOneChangeWithBeforeAndAfterAndRejectsAnotherWithAReason() {
		ApprovedProjects.Created project = inExecution();
		UUID milestone = project.milestones().get(0);
		LocalDate later = TODAY.plusMonths(9);
		String dateChange = change(project, """
				{"kind":"MILESTONE_DATE","reason":"The driver chips are late","milestoneId":"%s","newDueDate":"%s"}"""
			.formatted(milestone, later));
		String budgetChange = change(project, """
				{"kind":"BUDGET_REALLOCATION","reason":"Testing costs more","fromCategory":"equipment","toCategory":"testing","amount":"50000.00"}""");

		List<ChangeRequest> pending = stub("auditor").listChangeRequests(ListChangeRequestsRequest.newBuilder()
			.setProjectId(project.project().toString()).build()).getChangeRequestsList();
		assertThat(pending).extracting(ChangeRequest::getState).containsOnly(ChangeRequestState.CHANGE_REQUEST_STATE_PENDING);
		assertThat(pending).extracting(c -> c.getChange().getKind()).containsExactlyInAnyOrder(
				ChangeRequestKind.CHANGE_REQUEST_KIND_MILESTONE_DATE, ChangeRequestKind.CHANGE_REQUEST_KIND_BUDGET_REALLOCATION);
		refused(Status.Code.NOT_FOUND, () -> stub("applicant2").listChangeRequests(ListChangeRequestsRequest.newBuilder()
			.setProjectId(project.project().toString()).build()));

		DecideChangeRequestRequest approve = DecideChangeRequestRequest.newBuilder()
			.setProjectId(project.project().toString())
			.setChangeRequestId(dateChange)
			.setDecision(ChangeRequestDecision.CHANGE_REQUEST_DECISION_APPROVE)
			.setNote("Agreed")
			.build();
		refused(Status.Code.PERMISSION_DENIED, () -> stub("applicant1").decideChangeRequest(approve));
		refused(Status.Code.PERMISSION_DENIED, () -> stub("auditor").decideChangeRequest(approve));
		ChangeRequest approved = stub("manager").decideChangeRequest(approve).getChangeRequest();
		assertThat(approved.getState()).isEqualTo(ChangeRequestState.CHANGE_REQUEST_STATE_APPROVED);
		assertThat(approved.getBeforeList()).contains(value("dueDate", TODAY.plusMonths(6).toString()));
		assertThat(approved.getAfterList()).contains(value("dueDate", later.toString()));
		assertThat(approved.getChange().getNewDueDate()).isEqualTo(later.toString());
		refused(Status.Code.FAILED_PRECONDITION, () -> stub("manager").decideChangeRequest(approve));

		DecideChangeRequestRequest.Builder reject = DecideChangeRequestRequest.newBuilder()
			.setProjectId(project.project().toString())
			.setChangeRequestId(budgetChange)
			.setDecision(ChangeRequestDecision.CHANGE_REQUEST_DECISION_REJECT);
		assertThatThrownBy(() -> stub("manager").decideChangeRequest(reject.build()))
			.isInstanceOfSatisfying(StatusRuntimeException.class,
					ex -> assertThat(GrpcChannels.fieldViolations(ex)).containsExactly("reason"));
		ChangeRequest rejected = stub("manager").decideChangeRequest(reject.setNote("Keep the equipment").build())
			.getChangeRequest();
		assertThat(rejected.getState()).isEqualTo(ChangeRequestState.CHANGE_REQUEST_STATE_REJECTED);
		assertThat(rejected.getDecisionReason()).isEqualTo("Keep the equipment");
		assertThatThrownBy(() -> stub("manager").decideChangeRequest(reject.setDecision(
				ChangeRequestDecision.CHANGE_REQUEST_DECISION_UNSPECIFIED).build()))
			.isInstanceOfSatisfying(StatusRuntimeException.class,
					ex -> assertThat(GrpcChannels.fieldViolations(ex)).containsExactly("decision"));
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
		assertThat(portfolio("manager", b -> { }).getProjects(0).getSummary().getTaskBookState())
			.isEqualTo(TaskBookState.TASK_BOOK_STATE_COUNTERSIGNED);
		return project;
	}

	private void report(ApprovedProjects.Created project, UUID milestone) {
		assertThat(this.http.postJson("/api/projects/projects/" + project.project() + "/milestones/" + milestone
				+ "/reports", token("applicant1"), "{\"summary\":\"done\",\"kpiValues\":[],\"documents\":[]}").status())
			.isEqualTo(201);
	}

	private String change(ApprovedProjects.Created project, String body) {
		var response = this.http.postJson("/api/projects/projects/" + project.project() + "/change-requests",
				token("applicant1"), body);
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json().get("id").asString();
	}

	private ListProjectsResponse portfolio(String user, Consumer<ListProjectsRequest.Builder> filter) {
		ListProjectsRequest.Builder request = ListProjectsRequest.newBuilder();
		filter.accept(request);
		return stub(user).listProjects(request.build());
	}

	private static List<UUID> ids(ListProjectsResponse response) {
		return response.getProjectsList().stream().map(p -> UUID.fromString(p.getSummary().getProjectId())).toList();
	}

	private static ChangeValue value(String name, String value) {
		return ChangeValue.newBuilder().setName(name).setValue(value).build();
	}

	private static void refused(Status.Code code, Runnable call) {
		assertThatThrownBy(call::run).isInstanceOfSatisfying(StatusRuntimeException.class,
				ex -> assertThat(ex.getStatus().getCode()).isEqualTo(code));
	}

	private ProjectServiceGrpc.ProjectServiceBlockingStub stub(String user) {
		return GrpcChannels.withToken(ProjectServiceGrpc.newBlockingStub(this.channel), token(user));
	}

}
