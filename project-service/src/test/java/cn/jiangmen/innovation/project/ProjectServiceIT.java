package cn.jiangmen.innovation.project;

import java.util.List;
import java.util.UUID;

import cn.jiangmen.innovation.contracts.project.v1.GetMilestoneStatusRequest;
import cn.jiangmen.innovation.contracts.project.v1.GetMilestoneStatusResponse;
import cn.jiangmen.innovation.contracts.project.v1.MilestoneState;
import cn.jiangmen.innovation.contracts.project.v1.ProjectServiceGrpc;
import cn.jiangmen.innovation.testsupport.BadToken;
import cn.jiangmen.innovation.testsupport.ServiceTestProperties;
import cn.jiangmen.innovation.testsupport.ServiceIntegrationTest;
import cn.jiangmen.innovation.testsupport.client.GrpcChannels;
import cn.jiangmen.innovation.testsupport.client.HttpProbe;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * project-service against real PostgreSQL, Redis and Keycloak tokens: priority fields, milestone
 * status with the per-organisation rule, and manager-only acceptance of reported milestones.
 */
class ProjectServiceIT extends ServiceIntegrationTest {

	static final UUID ORG_1 = UUID.fromString("7d1c2a8e-0000-4000-8000-000000000001");

	static final UUID ORG_2 = UUID.fromString("7d1c2a8e-0000-4000-8000-000000000002");

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		ServiceTestProperties.register(registry, "project_it");
	}

	@Autowired
	JdbcClient jdbc;

	UUID project1;

	UUID project2;

	UUID reported1;

	UUID planned1;

	UUID reported2;

	@BeforeEach
	void seed() {
		// a manager's acceptance leaves its decision record (milestone_decision) beside the milestone
		this.jdbc.sql("delete from milestone_decision").update();
		this.jdbc.sql("delete from milestone").update();
		this.jdbc.sql("delete from project").update();
		this.project1 = project(ORG_1, "LED backlight modules");
		this.project2 = project(ORG_2, "Deep-sea exploration equipment");
		this.reported1 = milestone(this.project1, "REPORTED");
		this.planned1 = milestone(this.project1, "PLANNED");
		this.reported2 = milestone(this.project2, "REPORTED");
	}

	@Test
	void priorityFieldsAreSeededReferenceDataForAnySignedInUser() {
		for (String user : List.of("applicant1", "expert1", "admin")) {
			HttpProbe.Response response = this.http.get("/api/projects/fields", infra.tokens().accessToken(user));
			assertThat(response.status()).as(user).isEqualTo(200);
			assertThat(response.json().findValuesAsString("code")).hasSize(9)
				.startsWith("rail-transit-equipment")
				.contains("additive-manufacturing", "visible-light-communication", "marine-engineering-equipment");
			assertThat(response.json().findValuesAsString("kind")).containsOnly("CITY", "PROVINCE_CITY_LINKED");
			assertThat(response.json().get(0).get("nameZh").asString()).isEqualTo("轨道交通装备");
			assertThat(response.json().get(0).get("nameEn").asString()).isEqualTo("Rail transit equipment");
		}
		assertThat(this.http.get("/api/projects/fields", null).status()).isEqualTo(401);
	}

	@ParameterizedTest
	@ValueSource(strings = { "manager", "officer", "approver", "auditor", "applicant1" })
	void milestoneStatusOverGrpcForBureauRolesAndTheOwningOrganisation(String user) {
		GetMilestoneStatusResponse status = stub(infra.tokens().accessToken(user)).getMilestoneStatus(request(this.project1, this.reported1));
		assertThat(status.getState()).isEqualTo(MilestoneState.MILESTONE_STATE_REPORTED);
		assertThat(status.hasAcceptedAt()).isFalse();
	}

	@Test
	void serviceAccountAsksToo() {
		assertThat(stub(infra.tokens().serviceAccountToken()).getMilestoneStatus(request(this.project2, this.reported2))
			.getState()).isEqualTo(MilestoneState.MILESTONE_STATE_REPORTED);
	}

	@Test
	void anotherOrganisationsMilestoneIsNotFound() {
		assertThatThrownBy(() -> stub(infra.tokens().accessToken("applicant1"))
			.getMilestoneStatus(request(this.project2, this.reported2)))
			.isInstanceOfSatisfying(StatusRuntimeException.class,
					ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
		assertThat(this.http.get(path(this.project2, this.reported2), infra.tokens().accessToken("applicant1")).status())
			.isEqualTo(404);
		assertThat(this.http.get(path(this.project1, this.reported1), infra.tokens().accessToken("applicant1")).status())
			.isEqualTo(200);
	}

	@Test
	void unknownMilestonesAndMismatchedProjectsAreNotFound() {
		for (GetMilestoneStatusRequest request : List.of(request(this.project1, UUID.randomUUID()),
				request(UUID.randomUUID(), this.reported1), request(this.project1, this.reported2))) {
			assertThatThrownBy(() -> stub(infra.tokens().accessToken("manager")).getMilestoneStatus(request))
				.isInstanceOfSatisfying(StatusRuntimeException.class,
						ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
		}
	}

	@Test
	void malformedIdsAreInvalidArgumentNamingTheField() {
		assertThatThrownBy(() -> stub(infra.tokens().accessToken("manager")).getMilestoneStatus(
				GetMilestoneStatusRequest.newBuilder().setProjectId("p").setMilestoneId(this.reported1.toString()).build()))
			.isInstanceOfSatisfying(StatusRuntimeException.class, ex -> {
				assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
				assertThat(GrpcChannels.fieldViolations(ex)).containsExactly("project_id");
			});
	}

	@ParameterizedTest
	@ValueSource(strings = { "expert1", "admin" })
	void rolesWithoutBusinessWithMilestonesAreDenied(String user) {
		assertThatThrownBy(() -> stub(infra.tokens().accessToken(user)).getMilestoneStatus(request(this.project1, this.reported1)))
			.isInstanceOfSatisfying(StatusRuntimeException.class,
					ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
		assertThat(this.http.get(path(this.project1, this.reported1), infra.tokens().accessToken(user)).status())
			.isEqualTo(403);
	}

	@Test
	void aManagerAcceptsAReportedMilestoneOnceAndItIsAudited() {
		HttpProbe.Response accepted = this.http.postJson(path(this.project1, this.reported1) + "/acceptance",
				infra.tokens().accessToken("manager"), "{}");
		assertThat(accepted.status()).isEqualTo(200);
		assertThat(accepted.json().get("state").asString()).isEqualTo("ACCEPTED");
		assertThat(accepted.json().get("acceptedAt").isNull()).isFalse();

		GetMilestoneStatusResponse status = stub(infra.tokens().serviceAccountToken())
			.getMilestoneStatus(request(this.project1, this.reported1));
		assertThat(status.getState()).isEqualTo(MilestoneState.MILESTONE_STATE_ACCEPTED);
		assertThat(status.hasAcceptedAt()).isTrue();

		assertThat(this.jdbc.sql("""
				select count(*) from audit_log where object_type = 'milestone' and object_id = :id
				and action = 'milestone.accepted' and actor = 'manager'
				and before_state->>'state' = 'REPORTED' and after_state->>'state' = 'ACCEPTED'
				""").param("id", this.reported1.toString()).query(Integer.class).single()).isEqualTo(1);

		HttpProbe.Response again = this.http.postJson(path(this.project1, this.reported1) + "/acceptance",
				infra.tokens().accessToken("manager"), "{}");
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.header("Content-Type")).startsWith("application/problem+json");
		assertThat(again.json().get("code").asString()).isEqualTo("milestone.state");
	}

	@Test
	void aPlannedMilestoneCannotBeAccepted() {
		HttpProbe.Response response = this.http.postJson(path(this.project1, this.planned1) + "/acceptance",
				infra.tokens().accessToken("manager"), "{}");
		assertThat(response.status()).isEqualTo(409);
		assertThat(state(this.planned1)).isEqualTo("PLANNED");
	}

	@ParameterizedTest
	@ValueSource(strings = { "officer", "approver", "auditor", "applicant1", "expert1", "admin" })
	void onlyManagersAccept(String user) {
		HttpProbe.Response response = this.http.postJson(path(this.project1, this.reported1) + "/acceptance",
				infra.tokens().accessToken(user), "{}");
		assertThat(response.status()).isEqualTo(403);
		assertThat(state(this.reported1)).isEqualTo("REPORTED");
	}

	@ParameterizedTest
	@EnumSource(BadToken.class)
	void badTokensAreRefusedOnRestAndGrpc(BadToken kind) {
		HttpProbe.Response response = this.http.postJson(path(this.project1, this.reported1) + "/acceptance",
				kind.forUser(infra.tokens(), "manager"), "{}");
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat(state(this.reported1)).isEqualTo("REPORTED");
		assertThatThrownBy(() -> stub(kind.forUser(infra.tokens(), "manager")).getMilestoneStatus(request(this.project1, this.reported1)))
			.isInstanceOfSatisfying(StatusRuntimeException.class,
					ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED));
	}

	private ProjectServiceGrpc.ProjectServiceBlockingStub stub(String token) {
		return GrpcChannels.withToken(ProjectServiceGrpc.newBlockingStub(this.channel), token);
	}

	private static GetMilestoneStatusRequest request(UUID project, UUID milestone) {
		return GetMilestoneStatusRequest.newBuilder()
			.setProjectId(project.toString())
			.setMilestoneId(milestone.toString())
			.build();
	}

	private static String path(UUID project, UUID milestone) {
		return "/api/projects/projects/" + project + "/milestones/" + milestone;
	}

	private String state(UUID milestone) {
		return this.jdbc.sql("select state from milestone where id = :id").param("id", milestone).query(String.class).single();
	}

	private UUID project(UUID organisation, String title) {
		UUID id = UUID.randomUUID();
		this.jdbc.sql("insert into project (id, title, organisation_id) values (:id, :title, :org)")
			.param("id", id)
			.param("title", title)
			.param("org", organisation)
			.update();
		return id;
	}

	private UUID milestone(UUID project, String state) {
		UUID id = UUID.randomUUID();
		this.jdbc.sql("insert into milestone (id, project_id, title, state) values (:id, :project, 'Milestone', :state)")
			.param("id", id)
			.param("project", project)
			.param("state", state)
			.update();
		return id;
	}

}
