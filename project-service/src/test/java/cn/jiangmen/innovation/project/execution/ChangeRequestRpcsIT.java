package cn.jiangmen.innovation.project.execution;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import cn.jiangmen.innovation.contracts.common.v1.Money;
import cn.jiangmen.innovation.contracts.project.v1.ChangeRequest;
import cn.jiangmen.innovation.contracts.project.v1.ChangeRequestKind;
import cn.jiangmen.innovation.contracts.project.v1.ChangeRequestState;
import cn.jiangmen.innovation.contracts.project.v1.ChangeValue;
import cn.jiangmen.innovation.contracts.project.v1.ListChangeRequestsRequest;
import cn.jiangmen.innovation.contracts.project.v1.ListChangeRequestsResponse;
import cn.jiangmen.innovation.contracts.project.v1.ProjectServiceGrpc;
import cn.jiangmen.innovation.contracts.project.v1.RequestChangeRequest;
import cn.jiangmen.innovation.contracts.project.v1.RequestedChange;
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
 * The change-request RPCs the applicant's project page uses (ListChangeRequests, RequestChange)
 * against real PostgreSQL and Keycloak tokens: the lead asks over gRPC and reads the request back
 * with before/after once the manager approved it; bad fields are named as REST names them; another
 * organisation gets NOT_FOUND for both RPCs; roles that may read but not ask get PERMISSION_DENIED;
 * the list is paginated.
 */
class ChangeRequestRpcsIT extends ServiceIntegrationTest {

	static final UUID ORG_1 = UUID.fromString("7d1c2a8e-0000-4000-8000-000000000001");

	static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		ServiceTestProperties.register(registry, "project_execution_it");
		registry.add("jiangmen.project.deadline-watch.enabled", () -> "false");
	}

	@Autowired
	JdbcClient jdbc;

	ApprovedProjects.Created project;

	@BeforeEach
	void inExecution() {
		ApprovedProjects fixture = new ApprovedProjects(this.jdbc);
		fixture.clear();
		this.project = fixture.approved(ORG_1, "LED 背光模组", "TASK_BOOK", 150_000_000L,
				List.of(new ApprovedProjects.Plan("样机 Prototype module", TODAY.plusMonths(6), 60_000_000L),
						new ApprovedProjects.Plan("量产 Pilot production", TODAY.plusMonths(18), 90_000_000L)));
		String base = "/api/projects/projects/" + this.project.project() + "/task-book";
		assertThat(this.http.postJson(base, token("manager"), """
				{"kpiTargets":[{"milestoneId":"%s","name":"发明专利申请","unit":"件","target":"3.00"}]}
				""".formatted(this.project.milestones().get(0))).status()).isEqualTo(200);
		assertThat(this.http.postJson(base + "/acceptance", token("applicant1"), "{}").status()).isEqualTo(200);
		assertThat(this.http.postJson(base + "/countersignature", token("manager"), "{}").status()).isEqualTo(200);
	}

	@Test
	void theLeadAsksOverGrpcAndReadsTheDecisionWithBeforeAndAfter() {
		LocalDate later = TODAY.plusMonths(9);
		ChangeRequest asked = stub("applicant1").requestChange(RequestChangeRequest.newBuilder()
			.setProjectId(this.project.project().toString())
			.setReason("LED 驱动芯片供应商延期交货")
			.setChange(RequestedChange.newBuilder()
				.setKind(ChangeRequestKind.CHANGE_REQUEST_KIND_MILESTONE_DATE)
				.setMilestoneId(this.project.milestones().get(0).toString())
				.setNewDueDate(later.toString()))
			.build()).getChangeRequest();
		assertThat(asked.getState()).isEqualTo(ChangeRequestState.CHANGE_REQUEST_STATE_PENDING);
		assertThat(asked.getRequestedBy()).isEqualTo("applicant1");
		assertThat(asked.getChange().getNewDueDate()).isEqualTo(later.toString());

		ChangeRequest moved = stub("applicant1").requestChange(RequestChangeRequest.newBuilder()
			.setProjectId(this.project.project().toString())
			.setReason("检测费用超出预算")
			.setChange(RequestedChange.newBuilder()
				.setKind(ChangeRequestKind.CHANGE_REQUEST_KIND_BUDGET_REALLOCATION)
				.setFromCategory("equipment")
				.setToCategory("testing")
				.setAmount(Money.newBuilder().setCurrencyCode("CNY").setMinorUnits(5_000_000L)))
			.build()).getChangeRequest();
		assertThat(moved.getChange().getAmount().getMinorUnits()).isEqualTo(5_000_000L);

		assertThat(this.http.postJson("/api/projects/projects/" + this.project.project() + "/change-requests/"
				+ asked.getChangeRequestId() + "/approval", token("manager"), "{\"reason\":\"同意\"}").status())
			.isEqualTo(200);

		ListChangeRequestsResponse first = stub("applicant1").listChangeRequests(ListChangeRequestsRequest.newBuilder()
			.setProjectId(this.project.project().toString())
			.setPageSize(1)
			.build());
		assertThat(first.getChangeRequestsList()).hasSize(1);
		assertThat(first.getNextPageToken()).isNotEmpty();
		ListChangeRequestsResponse second = stub("applicant1").listChangeRequests(ListChangeRequestsRequest.newBuilder()
			.setProjectId(this.project.project().toString())
			.setPageSize(1)
			.setPageToken(first.getNextPageToken())
			.build());
		List<ChangeRequest> all = new java.util.ArrayList<>(first.getChangeRequestsList());
		all.addAll(second.getChangeRequestsList());
		ChangeRequest approved = all.stream()
			.filter(c -> c.getChangeRequestId().equals(asked.getChangeRequestId()))
			.findFirst()
			.orElseThrow();
		assertThat(approved.getState()).isEqualTo(ChangeRequestState.CHANGE_REQUEST_STATE_APPROVED);
		assertThat(approved.getDecisionReason()).isEqualTo("同意");
		assertThat(approved.getBeforeList()).contains(value("dueDate", TODAY.plusMonths(6).toString()));
		assertThat(approved.getAfterList()).contains(value("dueDate", later.toString()));
	}

	@Test
	void badFieldsAreNamedAndNothingIsWritten() {
		assertThatThrownBy(() -> stub("applicant1").requestChange(RequestChangeRequest.newBuilder()
			.setProjectId(this.project.project().toString())
			.setChange(RequestedChange.newBuilder()
				.setKind(ChangeRequestKind.CHANGE_REQUEST_KIND_MILESTONE_DATE)
				.setMilestoneId(UUID.randomUUID().toString())
				.setNewDueDate("2020-01-01"))
			.build())).isInstanceOfSatisfying(StatusRuntimeException.class, ex -> {
				assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
				assertThat(fields(ex)).containsExactlyInAnyOrder("reason", "milestoneId", "newDueDate");
			});
		assertThatThrownBy(() -> stub("applicant1").requestChange(RequestChangeRequest.newBuilder()
			.setProjectId(this.project.project().toString())
			.setReason("no kind")
			.build())).isInstanceOfSatisfying(StatusRuntimeException.class,
					ex -> assertThat(fields(ex)).containsExactly("kind"));
		assertThat(this.jdbc.sql("select count(*) from change_request").query(Integer.class).single()).isZero();
	}

	@Test
	void anotherOrganisationSeesNothingAndReadersWhoAreNotTheLeadCannotAsk() {
		RequestChangeRequest ask = RequestChangeRequest.newBuilder()
			.setProjectId(this.project.project().toString())
			.setReason("不属于本单位的项目")
			.setChange(RequestedChange.newBuilder()
				.setKind(ChangeRequestKind.CHANGE_REQUEST_KIND_MILESTONE_DATE)
				.setMilestoneId(this.project.milestones().get(0).toString())
				.setNewDueDate(TODAY.plusMonths(8).toString()))
			.build();
		assertThat(code(() -> stub("applicant2").requestChange(ask))).isEqualTo(Status.Code.NOT_FOUND);
		assertThat(code(() -> stub("applicant2").listChangeRequests(
				ListChangeRequestsRequest.newBuilder().setProjectId(this.project.project().toString()).build())))
			.isEqualTo(Status.Code.NOT_FOUND);
		assertThat(code(() -> stub("auditor").requestChange(ask))).isEqualTo(Status.Code.PERMISSION_DENIED);
		assertThat(code(() -> stub("manager").requestChange(ask))).isEqualTo(Status.Code.PERMISSION_DENIED);
		assertThat(code(() -> stub("expert1").listChangeRequests(
				ListChangeRequestsRequest.newBuilder().setProjectId(this.project.project().toString()).build())))
			.isEqualTo(Status.Code.PERMISSION_DENIED);
		assertThat(stub("auditor").listChangeRequests(
				ListChangeRequestsRequest.newBuilder().setProjectId(this.project.project().toString()).build())
			.getChangeRequestsList()).isEmpty();
		assertThat(this.jdbc.sql("select count(*) from change_request").query(Integer.class).single()).isZero();
	}

	private static ChangeValue value(String name, String value) {
		return ChangeValue.newBuilder().setName(name).setValue(value).build();
	}

	private static List<String> fields(StatusRuntimeException ex) {
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
			.map(BadRequest.FieldViolation::getField)
			.toList();
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
