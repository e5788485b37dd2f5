package cn.jiangmen.innovation.review;

import java.util.List;
import java.util.UUID;

import cn.jiangmen.innovation.contracts.common.v1.OwningContext;
import cn.jiangmen.innovation.contracts.review.v1.GetReviewStatusRequest;
import cn.jiangmen.innovation.contracts.review.v1.OpenReviewRequest;
import cn.jiangmen.innovation.contracts.review.v1.Organisation;
import cn.jiangmen.innovation.contracts.review.v1.OpenReviewResponse;
import cn.jiangmen.innovation.contracts.review.v1.ReviewServiceGrpc;
import cn.jiangmen.innovation.contracts.review.v1.ReviewState;
import cn.jiangmen.innovation.testsupport.BadToken;
import cn.jiangmen.innovation.testsupport.ServiceIntegrationTest;
import cn.jiangmen.innovation.testsupport.ServiceTestProperties;
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
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * review-service against real PostgreSQL, Redis and Keycloak tokens: OpenReview is idempotent,
 * validates every field before writing, and is for the service account and managers only.
 */
class ReviewServiceIT extends ServiceIntegrationTest {

	static final String ORG_1 = "7d1c2a8e-0000-4000-8000-000000000001";

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		ServiceTestProperties.register(registry, "review_it");
	}

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void clear() {
		ReviewTables.clear(this.jdbc);
	}

	@Test
	void flywayMigratedTheServiceSchemaAndTheAuditTable() {
		assertThat(this.jdbc
			.sql("select count(*) from information_schema.tables where table_name in ('review_item','audit_log')")
			.query(Integer.class)
			.single()).isEqualTo(2);
		HttpProbe.Response readiness = this.http.get("/actuator/health/readiness", null);
		assertThat(readiness.status()).isEqualTo(200);
	}

	/** The REST document names what the server reads: camelCase, as the field errors. */
	@Test
	void theOpenApiDocumentDescribesTheCamelCaseBodiesTheServerAccepts() {
		HttpProbe.Response docs = this.http.get("/api/review/v3/api-docs", null);
		assertThat(docs.status()).isEqualTo(200);
		var schemas = docs.json().get("components").get("schemas");
		assertThat(schemas.get("OpenRoundBody").get("properties").propertyNames()).contains("owningContext",
				"reviewItemIds", "reviewersPerItem", "maxItemsPerExpert", "disagreementLimitHundredths");
		assertThat(schemas.get("RubricBody").get("properties").propertyNames()).contains("scaleMin",
				"overallThresholdHundredths");
		assertThat(schemas.get("ExpertProfileBody").get("properties").propertyNames()).contains("displayName",
				"personKey", "fieldCodes", "coApplications");
		assertThat(docs.body()).doesNotContain("reviewers_per_item", "display_name", "final_scores");
	}

	@Test
	void aRetryWithTheSameKeyReturnsTheFirstAnswerAndWritesOnce() {
		String key = "talent-" + UUID.randomUUID();
		OpenReviewRequest request = request(key, UUID.randomUUID().toString(), "LED backlight module team");
		OpenReviewResponse first = stub(infra.tokens().serviceAccountToken()).openReview(request);
		OpenReviewResponse retry = stub(infra.tokens().serviceAccountToken()).openReview(request);

		assertThat(first.getState()).isEqualTo(ReviewState.REVIEW_STATE_AWAITING_ROUND);
		assertThat(retry).isEqualTo(first);
		assertThat(countItems(key)).isEqualTo(1);
		assertThat(countAudit(first.getReviewItemId())).isEqualTo(1);

		assertThat(stub(infra.tokens().accessToken("manager"))
			.getReviewStatus(GetReviewStatusRequest.newBuilder().setReviewItemId(first.getReviewItemId()).build())
			.getState()).isEqualTo(ReviewState.REVIEW_STATE_AWAITING_ROUND);
	}

	@Test
	void theSameKeyWithOtherContentIsRefusedNamingTheKey() {
		String key = "talent-" + UUID.randomUUID();
		String item = UUID.randomUUID().toString();
		stub(infra.tokens().serviceAccountToken()).openReview(request(key, item, "First title"));
		assertThatThrownBy(() -> stub(infra.tokens().serviceAccountToken()).openReview(request(key, item, "Other title")))
			.isInstanceOfSatisfying(StatusRuntimeException.class, ex -> {
				assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
				assertThat(GrpcChannels.fieldViolations(ex)).containsExactly("idempotency_key");
			});
		assertThat(countItems(key)).isEqualTo(1);
	}

	@Test
	void badInputIsInvalidArgumentNamingEveryFieldAndNothingIsWritten() {
		String key = "bad-" + UUID.randomUUID();
		OpenReviewRequest bad = OpenReviewRequest.newBuilder()
			.setIdempotencyKey(key)
			.setOwningContext(OwningContext.OWNING_CONTEXT_UNSPECIFIED)
			.setItemId("not-a-uuid")
			.setTitle("  ")
			.build();
		assertThatThrownBy(() -> stub(infra.tokens().accessToken("manager")).openReview(bad))
			.isInstanceOfSatisfying(StatusRuntimeException.class, ex -> {
				assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
				assertThat(GrpcChannels.fieldViolations(ex)).containsExactly("owning_context", "item_id", "title");
			});
		assertThat(countItems(key)).isZero();
		assertThat(this.jdbc.sql("select count(*) from audit_log where object_type = 'review_item' and after_state->>'title' = '  '")
			.query(Integer.class)
			.single()).isZero();
	}

	@ParameterizedTest
	@ValueSource(strings = { "applicant1", "expert1", "auditor", "officer", "admin" })
	void onlyTheServiceAccountAndManagersOpenReviews(String user) {
		String key = "denied-" + UUID.randomUUID();
		assertThatThrownBy(() -> stub(infra.tokens().accessToken(user))
			.openReview(request(key, UUID.randomUUID().toString(), "Team")))
			.isInstanceOfSatisfying(StatusRuntimeException.class,
					ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
		assertThat(countItems(key)).isZero();
	}

	@Test
	void managersOpenReviewsToo() {
		OpenReviewResponse response = stub(infra.tokens().accessToken("manager"))
			.openReview(request("mgr-" + UUID.randomUUID(), UUID.randomUUID().toString(), "Robot arm proposal"));
		assertThat(response.getState()).isEqualTo(ReviewState.REVIEW_STATE_AWAITING_ROUND);
	}

	@Test
	void unknownOrMalformedStatusRequests() {
		assertThatThrownBy(() -> stub(infra.tokens().accessToken("manager"))
			.getReviewStatus(GetReviewStatusRequest.newBuilder().setReviewItemId(UUID.randomUUID().toString()).build()))
			.isInstanceOfSatisfying(StatusRuntimeException.class,
					ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
		assertThatThrownBy(() -> stub(infra.tokens().accessToken("manager"))
			.getReviewStatus(GetReviewStatusRequest.newBuilder().setReviewItemId("x").build()))
			.isInstanceOfSatisfying(StatusRuntimeException.class,
					ex -> assertThat(GrpcChannels.fieldViolations(ex)).containsExactly("review_item_id"));
	}

	@Test
	void restListsForManagersAndAuditorsNothingForExpertsAndRefusesApplicants() {
		OpenReviewResponse opened = stub(infra.tokens().serviceAccountToken())
			.openReview(request("rest-" + UUID.randomUUID(), UUID.randomUUID().toString(), "Marine salvage team"));
		for (String user : List.of("manager", "auditor")) {
			HttpProbe.Response response = this.http.get("/api/review/items", infra.tokens().accessToken(user));
			assertThat(response.status()).as(user).isEqualTo(200);
			assertThat(response.json().get("items").findValuesAsString("id")).as(user)
				.containsExactly(opened.getReviewItemId());
		}
		HttpProbe.Response expert = this.http.get("/api/review/items", infra.tokens().accessToken("expert1"));
		assertThat(expert.status()).isEqualTo(200);
		assertThat(expert.json().get("items").size()).isZero();

		HttpProbe.Response applicant = this.http.get("/api/review/items", infra.tokens().accessToken("applicant1"));
		assertThat(applicant.status()).isEqualTo(403);
		assertThat(applicant.header("Content-Type")).startsWith("application/problem+json");

		assertThat(this.http.get("/api/review/items/" + opened.getReviewItemId(), infra.tokens().accessToken("manager"))
			.json()
			.get("state")
			.asString()).isEqualTo("AWAITING_ROUND");
		assertThat(this.http.get("/api/review/items/" + opened.getReviewItemId(), infra.tokens().accessToken("expert1"))
			.status()).isEqualTo(404);
		assertThat(this.http.get("/api/review/items/" + opened.getReviewItemId(), infra.tokens().accessToken("applicant1"))
			.status()).isEqualTo(403);
		HttpProbe.Response badId = this.http.get("/api/review/items/xyz", infra.tokens().accessToken("manager"));
		assertThat(badId.status()).isEqualTo(400);
		assertThat(badId.json().get("errors").get(0).get("field").asString()).isEqualTo("id");
	}

	@ParameterizedTest
	@EnumSource(BadToken.class)
	void restRefusesBadTokens(BadToken kind) {
		HttpProbe.Response response = this.http.get("/api/review/items", kind.forUser(infra.tokens(), "manager"));
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
	}

	@ParameterizedTest
	@EnumSource(BadToken.class)
	void grpcRefusesBadTokens(BadToken kind) {
		String key = "token-" + UUID.randomUUID();
		assertThatThrownBy(() -> stub(kind.forUser(infra.tokens(), "manager")).openReview(request(key, UUID.randomUUID().toString(), "Team")))
			.isInstanceOfSatisfying(StatusRuntimeException.class,
					ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED));
		assertThat(countItems(key)).isZero();
	}

	@Test
	void grpcHealthNeedsNoToken() {
		HealthCheckResponse health = GrpcChannels.withToken(HealthGrpc.newBlockingStub(this.channel), null)
			.check(HealthCheckRequest.getDefaultInstance());
		assertThat(health.getStatus()).isEqualTo(HealthCheckResponse.ServingStatus.SERVING);
	}

	private ReviewServiceGrpc.ReviewServiceBlockingStub stub(String token) {
		return GrpcChannels.withToken(ReviewServiceGrpc.newBlockingStub(this.channel), token);
	}

	private static OpenReviewRequest request(String key, String itemId, String title) {
		return OpenReviewRequest.newBuilder()
			.setIdempotencyKey(key)
			.setOwningContext(OwningContext.OWNING_CONTEXT_TALENT)
			.setItemId(itemId)
			.setTitle(title)
			.addFieldCodes("semiconductor-lighting")
			.addOrganisations(Organisation.newBuilder().setId(ORG_1).setName("江门市光电科技有限公司"))
			.build();
	}

	private int countItems(String key) {
		return this.jdbc.sql("select count(*) from review_item where idempotency_key = :key")
			.param("key", key)
			.query(Integer.class)
			.single();
	}

	private int countAudit(String itemId) {
		return this.jdbc.sql("select count(*) from audit_log where object_type = 'review_item' and object_id = :id")
			.param("id", itemId)
			.query(Integer.class)
			.single();
	}

}
