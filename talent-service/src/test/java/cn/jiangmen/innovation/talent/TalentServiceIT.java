package cn.jiangmen.innovation.talent;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import cn.jiangmen.innovation.contracts.talent.v1.GetApplicationSummaryRequest;
import cn.jiangmen.innovation.contracts.talent.v1.ListApplicationsRequest;
import cn.jiangmen.innovation.contracts.talent.v1.ListApplicationsResponse;
import cn.jiangmen.innovation.contracts.talent.v1.TalentServiceGrpc;
import cn.jiangmen.innovation.testsupport.BadToken;
import cn.jiangmen.innovation.testsupport.ServiceTestProperties;
import cn.jiangmen.innovation.testsupport.ServiceIntegrationTest;
import cn.jiangmen.innovation.testsupport.client.GrpcChannels;
import cn.jiangmen.innovation.testsupport.client.HttpProbe;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * talent-service against real PostgreSQL, Redis and Keycloak tokens: REST and gRPC apply the same
 * per-organisation visibility, and bad tokens are refused on both.
 */
@TestPropertySource(properties = { "jiangmen.outbox.relay.enabled=false" })
class TalentServiceIT extends ServiceIntegrationTest {

	static final UUID ORG_1 = UUID.fromString("7d1c2a8e-0000-4000-8000-000000000001");

	static final UUID ORG_2 = UUID.fromString("7d1c2a8e-0000-4000-8000-000000000002");

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		ServiceTestProperties.register(registry, "talent_it");
	}

	@Autowired
	JdbcClient jdbc;

	UUID org1Application;

	UUID org2Application;

	@BeforeEach
	void seed() {
		this.jdbc.sql("delete from talent_application").update();
		this.org1Application = insert(ORG_1, "LED backlight module team");
		this.org2Application = insert(ORG_2, "Marine salvage equipment leading talent");
	}

	@Test
	void flywayMigratedTheServiceSchemaAndTheAuditTable() {
		Integer tables = this.jdbc
			.sql("select count(*) from information_schema.tables where table_name in ('talent_application','audit_log')")
			.query(Integer.class)
			.single();
		assertThat(tables).isEqualTo(2);
	}

	@Test
	void readinessCoversDatabaseAndRedis() {
		HttpProbe.Response readiness = this.http.get("/actuator/health/readiness", null);
		assertThat(readiness.status()).isEqualTo(200);
		assertThat(readiness.json().get("status").asString()).isEqualTo("UP");
		assertThat(this.http.get("/actuator/health/liveness", null).status()).isEqualTo(200);
		assertThat(this.http.get("/actuator/prometheus", null, "text/plain").body()).contains("jvm_memory_used_bytes");
	}

	@Test
	void applicantSeesOnlyTheirOrganisationsApplicationsOverRest() {
		HttpProbe.Response response = this.http.get("/api/talent/applications",
				infra.tokens().accessToken("applicant1"));
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get("items").findValuesAsString("id"))
			.containsExactly(this.org1Application.toString());
	}

	@Test
	void managerSeesAll() {
		HttpProbe.Response response = this.http.get("/api/talent/applications", infra.tokens().accessToken("manager"));
		assertThat(response.json().get("items").findValuesAsString("id"))
			.containsExactlyInAnyOrder(this.org1Application.toString(), this.org2Application.toString());
	}

	@Test
	void anotherOrganisationsApplicationIsNotFoundNotForbidden() {
		HttpProbe.Response response = this.http.get("/api/talent/applications/" + this.org2Application,
				infra.tokens().accessToken("applicant1"));
		assertThat(response.status()).isEqualTo(404);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
	}

	@Test
	void badInputIsAProblemDetailNamingTheField() {
		HttpProbe.Response response = this.http.get("/api/talent/applications?pageSize=5000",
				infra.tokens().accessToken("applicant1"));
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("pageSize");
		HttpProbe.Response badId = this.http.get("/api/talent/applications/xyz", infra.tokens().accessToken("manager"));
		assertThat(badId.status()).isEqualTo(400);
		assertThat(badId.json().get("errors").get(0).get("field").asString()).isEqualTo("id");
	}

	@ParameterizedTest
	@EnumSource(BadToken.class)
	void restRefusesBadTokens(BadToken kind) {
		HttpProbe.Response response = this.http.get("/api/talent/applications", kind.forUser(infra.tokens(), "applicant1"));
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
	}

	@Test
	void grpcAppliesTheSameVisibility() {
		ListApplicationsResponse response = GrpcChannels
			.withToken(TalentServiceGrpc.newBlockingStub(this.channel), infra.tokens().accessToken("applicant2"))
			.listApplications(ListApplicationsRequest.getDefaultInstance());
		assertThat(response.getApplicationsList()).extracting(a -> a.getApplicationId())
			.containsExactly(this.org2Application.toString());

		assertThatThrownBy(() -> GrpcChannels
			.withToken(TalentServiceGrpc.newBlockingStub(this.channel), infra.tokens().accessToken("applicant2"))
			.getApplicationSummary(
					GetApplicationSummaryRequest.newBuilder().setApplicationId(this.org1Application.toString()).build()))
			.isInstanceOfSatisfying(StatusRuntimeException.class,
					ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
	}

	@Test
	void grpcBadInputIsInvalidArgumentWithFieldDetails() {
		assertThatThrownBy(() -> GrpcChannels
			.withToken(TalentServiceGrpc.newBlockingStub(this.channel), infra.tokens().accessToken("manager"))
			.listApplications(ListApplicationsRequest.newBuilder().setPageSize(-1).build()))
			.isInstanceOfSatisfying(StatusRuntimeException.class, ex -> {
				assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
				assertThat(GrpcChannels.fieldViolations(ex)).containsExactly("page_size");
			});
	}

	@ParameterizedTest
	@EnumSource(BadToken.class)
	void grpcRefusesBadTokens(BadToken kind) {
		assertThatThrownBy(() -> GrpcChannels.withToken(TalentServiceGrpc.newBlockingStub(this.channel), kind.forUser(infra.tokens(), "applicant1"))
			.listApplications(ListApplicationsRequest.getDefaultInstance()))
			.isInstanceOfSatisfying(StatusRuntimeException.class,
					ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED));
	}

	@Test
	void grpcHealthNeedsNoToken() {
		HealthCheckResponse health = GrpcChannels.withToken(HealthGrpc.newBlockingStub(this.channel), null)
			.check(HealthCheckRequest.getDefaultInstance());
		assertThat(health.getStatus()).isEqualTo(HealthCheckResponse.ServingStatus.SERVING);
	}

	private UUID insert(UUID organisation, String title) {
		UUID id = UUID.randomUUID();
		Timestamp now = Timestamp.from(Instant.now());
		this.jdbc.sql("""
				insert into talent_application (id, call_id, organisation_id, title, status, created_at, updated_at)
				values (:id, :call, :org, :title, 'SUBMITTED', :now, :now)
				""")
			.param("id", id)
			.param("call", UUID.randomUUID())
			.param("org", organisation)
			.param("title", title)
			.param("now", now)
			.update();
		return id;
	}

}
