package cn.jiangmen.innovation.project;

import java.util.List;

import cn.jiangmen.innovation.contracts.project.v1.FieldKind;
import cn.jiangmen.innovation.contracts.project.v1.ListPriorityFieldsRequest;
import cn.jiangmen.innovation.contracts.project.v1.ListPriorityFieldsResponse;
import cn.jiangmen.innovation.contracts.project.v1.PriorityField;
import cn.jiangmen.innovation.contracts.project.v1.ProjectServiceGrpc;
import cn.jiangmen.innovation.testsupport.ServiceTestProperties;
import cn.jiangmen.innovation.testsupport.TestInfrastructure;
import cn.jiangmen.innovation.testsupport.client.GrpcChannels;
import cn.jiangmen.innovation.testsupport.client.HttpProbe;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.grpc.test.autoconfigure.LocalGrpcServerPort;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Priority fields as managed reference data, against real PostgreSQL and Keycloak tokens: an admin
 * adds, renames and retires a field (audited, optimistic on the version); others are refused; gRPC
 * lists them page by page with the retired flag. Test fields use codes starting {@code it-}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.grpc.server.port=0" })
class FieldManagementIT {

	static final TestInfrastructure infra = TestInfrastructure.get();

	static final String HYDROGEN = """
			{"code":"it-hydrogen","kind":"CITY","nameZh":"氢能","nameEn":"Hydrogen energy"}""";

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		ServiceTestProperties.register(registry, "project_it");
	}

	@LocalServerPort
	int port;

	@LocalGrpcServerPort
	int grpcPort;

	@Autowired
	JdbcClient jdbc;

	HttpProbe http;

	ManagedChannel channel;

	@BeforeEach
	void open() {
		removeTestFields();
		this.http = new HttpProbe("http://localhost:" + this.port);
		this.channel = GrpcChannels.plaintext(this.grpcPort);
	}

	@AfterEach
	void close() {
		GrpcChannels.close(this.channel);
		removeTestFields();
	}

	@Test
	void anAdminAddsRenamesAndRetiresAFieldWhichThenStaysListedAsRetired() {
		// from now on only: the other tests add and delete the same code, and the audit log keeps their rows
		java.sql.Timestamp since = java.sql.Timestamp
			.from(java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
		String admin = infra.tokens().accessToken("admin");
		HttpProbe.Response added = this.http.postJson("/api/projects/fields", admin, HYDROGEN);
		assertThat(added.status()).isEqualTo(201);
		assertThat(added.header("Location")).endsWith("/api/projects/fields/it-hydrogen");
		assertThat(added.json().get("version").asLong()).isZero();

		HttpProbe.Response renamed = this.http.putJson("/api/projects/fields/it-hydrogen/names", admin,
				"{\"nameZh\":\"氢能及燃料电池\",\"nameEn\":\"Hydrogen and fuel cells\",\"version\":0}");
		assertThat(renamed.status()).isEqualTo(200);
		assertThat(renamed.json().get("nameZh").asString()).isEqualTo("氢能及燃料电池");

		HttpProbe.Response stale = this.http.putJson("/api/projects/fields/it-hydrogen/names", admin,
				"{\"nameZh\":\"旧\",\"nameEn\":\"Old\",\"version\":0}");
		assertThat(stale.status()).isEqualTo(409);
		assertThat(stale.json().get("code").asString()).isEqualTo("field.changed-concurrently");

		HttpProbe.Response retired = this.http.postJson("/api/projects/fields/it-hydrogen/retirement", admin, "{}");
		assertThat(retired.status()).isEqualTo(200);
		assertThat(retired.json().get("retired").asBoolean()).isTrue();
		assertThat(this.http.postJson("/api/projects/fields/it-hydrogen/retirement", admin, "{}").status())
			.isEqualTo(409);

		PriorityField listed = allOverGrpc("expert1").stream()
			.filter(field -> field.getCode().equals("it-hydrogen"))
			.findFirst()
			.orElseThrow();
		assertThat(listed.getRetired()).isTrue();
		assertThat(listed.hasRetiredAt()).isTrue();
		assertThat(listed.getNameEn()).isEqualTo("Hydrogen and fuel cells");
		assertThat(listed.getKind()).isEqualTo(FieldKind.FIELD_KIND_CITY);

		assertThat(this.jdbc.sql("""
				select action from audit_log where object_type = 'priority_field' and object_id = 'it-hydrogen'
				and actor = 'admin' and occurred_at >= :since order by occurred_at
				""").param("since", since).query(String.class).list())
			.containsExactly("project.field.added", "project.field.renamed", "project.field.retired");
	}

	@Test
	void aTakenCodeIsAConflict() {
		String admin = infra.tokens().accessToken("admin");
		assertThat(this.http.postJson("/api/projects/fields", admin, HYDROGEN).status()).isEqualTo(201);
		HttpProbe.Response again = this.http.postJson("/api/projects/fields", admin, HYDROGEN);
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.json().get("code").asString()).isEqualTo("field.code-taken");
	}

	@Test
	void badInputIsA400NamingEachField() {
		HttpProbe.Response response = this.http.postJson("/api/projects/fields", infra.tokens().accessToken("admin"),
				"{\"code\":\"it-x\",\"kind\":\"CITY\",\"nameZh\":\" \",\"nameEn\":\"" + "x".repeat(201) + "\"}");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat(response.json().findValuesAsString("field")).containsExactly("nameZh", "nameEn");
		HttpProbe.Response badCode = this.http.postJson("/api/projects/fields", infra.tokens().accessToken("admin"),
				"{\"code\":\"It X\",\"kind\":\"CITY\",\"nameZh\":\"氢能\",\"nameEn\":\"H\"}");
		assertThat(badCode.status()).isEqualTo(400);
		assertThat(badCode.json().findValuesAsString("field")).containsExactly("code");
	}

	@ParameterizedTest
	@ValueSource(strings = { "manager", "auditor", "applicant1", "expert1" })
	void onlyAdminsManageFields(String user) {
		String token = infra.tokens().accessToken(user);
		assertThat(this.http.postJson("/api/projects/fields", token, HYDROGEN).status()).isEqualTo(403);
		assertThat(this.http.postJson("/api/projects/fields/rail-transit-equipment/retirement", token, "{}").status())
			.isEqualTo(403);
		assertThat(this.jdbc.sql("select retired_at is null from priority_field where code = 'rail-transit-equipment'")
			.query(Boolean.class)
			.single()).isTrue();
	}

	@Test
	void unknownFieldsAreNotFound() {
		assertThat(this.http.postJson("/api/projects/fields/it-nothing/retirement", infra.tokens().accessToken("admin"),
				"{}").status()).isEqualTo(404);
	}

	@Test
	void grpcListsPageByPageInPlanOrder() {
		ListPriorityFieldsResponse first = stub("applicant1")
			.listPriorityFields(ListPriorityFieldsRequest.newBuilder().setPageSize(4).build());
		assertThat(first.getFieldsList()).hasSize(4);
		assertThat(first.getFields(0).getCode()).isEqualTo("rail-transit-equipment");
		assertThat(first.getFields(0).getNameZh()).isEqualTo("轨道交通装备");
		assertThat(first.getNextPageToken()).isNotEmpty();
		List<PriorityField> all = allOverGrpc("applicant1");
		assertThat(all).extracting(PriorityField::getCode).hasSize(9).doesNotHaveDuplicates()
			.contains("additive-manufacturing");
		assertThat(all).noneMatch(PriorityField::getRetired);
	}

	@Test
	void aBadPageIsInvalidArgumentNamingTheField() {
		assertThatThrownBy(() -> stub("applicant1")
			.listPriorityFields(ListPriorityFieldsRequest.newBuilder().setPageToken("%%").build()))
			.isInstanceOfSatisfying(StatusRuntimeException.class, ex -> {
				assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
				assertThat(GrpcChannels.fieldViolations(ex)).containsExactly("page_token");
			});
		assertThatThrownBy(() -> stub("applicant1")
			.listPriorityFields(ListPriorityFieldsRequest.newBuilder().setPageSize(201).build()))
			.isInstanceOfSatisfying(StatusRuntimeException.class,
					ex -> assertThat(GrpcChannels.fieldViolations(ex)).containsExactly("page_size"));
	}

	private List<PriorityField> allOverGrpc(String user) {
		List<PriorityField> all = new java.util.ArrayList<>();
		String token = "";
		do {
			ListPriorityFieldsResponse page = stub(user)
				.listPriorityFields(ListPriorityFieldsRequest.newBuilder().setPageSize(4).setPageToken(token).build());
			all.addAll(page.getFieldsList());
			token = page.getNextPageToken();
		}
		while (!token.isEmpty());
		return all;
	}

	private ProjectServiceGrpc.ProjectServiceBlockingStub stub(String user) {
		return GrpcChannels.withToken(ProjectServiceGrpc.newBlockingStub(this.channel), infra.tokens().accessToken(user));
	}

	private void removeTestFields() {
		this.jdbc.sql("delete from priority_field where code like 'it-%'").update();
	}

}
