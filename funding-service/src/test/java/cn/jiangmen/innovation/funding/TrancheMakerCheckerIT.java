package cn.jiangmen.innovation.funding;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import cn.jiangmen.innovation.contracts.common.v1.Money;
import cn.jiangmen.innovation.contracts.funding.v1.CommitAwardRequest;
import cn.jiangmen.innovation.contracts.funding.v1.DecideTrancheRequest;
import cn.jiangmen.innovation.contracts.funding.v1.FundingServiceGrpc;
import cn.jiangmen.innovation.contracts.funding.v1.PrepareTrancheRequest;
import cn.jiangmen.innovation.contracts.funding.v1.ScheduledTranche;
import cn.jiangmen.innovation.contracts.funding.v1.Tranche;
import cn.jiangmen.innovation.contracts.funding.v1.TrancheDecision;
import cn.jiangmen.innovation.contracts.funding.v1.TrancheState;
import cn.jiangmen.innovation.contracts.project.v1.MilestoneState;
import cn.jiangmen.innovation.testsupport.client.GrpcChannels;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Four eyes on tranches against real PostgreSQL and Keycloak tokens, with project-service played
 * by an in-process gRPC server on a real port that answers what each milestone's state is.
 */
class TrancheMakerCheckerIT extends FundingIntegrationTest {

	static final ProjectServiceStub projectService = ProjectServiceStub.start();

	static final Map<String, MilestoneState> milestones = projectService.milestones;

	@DynamicPropertySource
	static void projectServiceProperties(DynamicPropertyRegistry registry) {
		registry.add("spring.grpc.client.channel.project.target", projectService::target);
	}

	TrancheMakerCheckerIT() {
		super("rail", 10_000L);
	}

	@AfterAll
	static void stopProjectService() {
		projectService.stop();
	}

	@Test
	void aDifferentApproverApprovesAndTheMoneyIsPostedToThePayable() {
		ScheduledTranche tranche = committedTranche(MilestoneState.MILESTONE_STATE_ACCEPTED, 4_000L);
		ScheduledTranche prepared = prepare("officer", tranche.getTrancheId(), "prep-" + UUID.randomUUID());
		assertThat(prepared.getState()).isEqualTo(TrancheState.TRANCHE_STATE_PREPARED);
		String key = "approve-" + UUID.randomUUID();
		ScheduledTranche approved = decide("approver", tranche.getTrancheId(), key, TrancheDecision.TRANCHE_DECISION_APPROVE, "");
		assertThat(approved.getState()).isEqualTo(TrancheState.TRANCHE_STATE_APPROVED);
		assertThat(decide("approver", tranche.getTrancheId(), key, TrancheDecision.TRANCHE_DECISION_APPROVE, ""))
			.as("a retry gets the first answer").isEqualTo(approved);
		FundingFixtures fixtures = new FundingFixtures(this.budgets, this.ledger, this.transactions, this.jdbc);
		assertThat(fixtures.pending(this.code, 2026)).isZero();
		assertThat(fixtures.column("debits_posted", "budget/" + this.code + "/2026/appropriation")).isEqualTo(4_000L);
		assertThat(fixtures.available(this.code, 2026)).isEqualTo(6_000L);
		assertThat(fixtures.column("credits_posted", "payable/" + FundingServiceIT.ORG_1)).isGreaterThanOrEqualTo(4_000L);
		assertThatThrownBy(() -> decide("approver", tranche.getTrancheId(), key, TrancheDecision.TRANCHE_DECISION_REJECT, "no"))
			.isInstanceOfSatisfying(StatusRuntimeException.class, ex -> {
				assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
				assertThat(GrpcChannels.fieldViolations(ex)).containsExactly("idempotency_key");
			});
	}

	@Test
	void theMakerCannotApproveTheirOwnTranche() {
		ScheduledTranche tranche = committedTranche(MilestoneState.MILESTONE_STATE_ACCEPTED, 1_000L);
		// "officer" holds finance-officer only; the realm's approver cannot prepare, so the maker who
		// also tries to check is the officer: refused by role and, with both roles, by subject
		prepare("officer", tranche.getTrancheId(), "prep-" + UUID.randomUUID());
		assertThatThrownBy(() -> decide("officer", tranche.getTrancheId(), "self-" + UUID.randomUUID(),
				TrancheDecision.TRANCHE_DECISION_APPROVE, ""))
			.isInstanceOfSatisfying(StatusRuntimeException.class,
					ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
		assertThat(state(tranche.getTrancheId())).isEqualTo("PREPARED");
	}

	@Test
	void theDatabaseRefusesAMakerAsCheckerWhateverTheCode() {
		ScheduledTranche tranche = committedTranche(MilestoneState.MILESTONE_STATE_ACCEPTED, 1_000L);
		prepare("officer", tranche.getTrancheId(), "prep-" + UUID.randomUUID());
		assertThatThrownBy(() -> this.jdbc.sql("update tranche set decided_by_subject = prepared_by_subject where id = :id")
			.param("id", UUID.fromString(tranche.getTrancheId()))
			.update()).hasMessageContaining("tranche_four_eyes");
	}

	@Test
	void aTrancheForAnUnacceptedMilestoneIsRefused() {
		ScheduledTranche tranche = committedTranche(MilestoneState.MILESTONE_STATE_REPORTED, 1_000L);
		assertThatThrownBy(() -> prepare("officer", tranche.getTrancheId(), "prep-" + UUID.randomUUID()))
			.isInstanceOfSatisfying(StatusRuntimeException.class,
					ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION));
		assertThat(state(tranche.getTrancheId())).isEqualTo("SCHEDULED");
	}

	@Test
	void aRejectionNeedsAReasonAndTheTrancheCanBePreparedAgain() {
		ScheduledTranche tranche = committedTranche(MilestoneState.MILESTONE_STATE_ACCEPTED, 1_000L);
		prepare("officer", tranche.getTrancheId(), "prep-" + UUID.randomUUID());
		assertThatThrownBy(() -> decide("approver", tranche.getTrancheId(), "rej-" + UUID.randomUUID(),
				TrancheDecision.TRANCHE_DECISION_REJECT, " "))
			.isInstanceOfSatisfying(StatusRuntimeException.class,
					ex -> assertThat(GrpcChannels.fieldViolations(ex)).containsExactly("reason"));
		assertThat(decide("approver", tranche.getTrancheId(), "rej-" + UUID.randomUUID(),
				TrancheDecision.TRANCHE_DECISION_REJECT, "bank account missing").getState())
			.isEqualTo(TrancheState.TRANCHE_STATE_REJECTED);
		assertThat(prepare("officer", tranche.getTrancheId(), "prep-" + UUID.randomUUID()).getState())
			.isEqualTo(TrancheState.TRANCHE_STATE_PREPARED);
		assertThat(new FundingFixtures(this.budgets, this.ledger, this.transactions, this.jdbc).pending(this.code, 2026))
			.isEqualTo(1_000L);
	}

	@Test
	void overRestTheMakerIsRefusedAndAnotherApproverDecides() throws Exception {
		ScheduledTranche tranche = committedTranche(MilestoneState.MILESTONE_STATE_ACCEPTED, 2_000L);
		String path = "/api/funding/tranches/" + tranche.getTrancheId();
		assertThat(post(path + "/preparation", "officer", null, "").statusCode()).as("no Idempotency-Key").isEqualTo(400);
		HttpResponse<String> prepared = post(path + "/preparation", "officer", "rest-prep-" + UUID.randomUUID(), "");
		assertThat(prepared.statusCode()).isEqualTo(200);
		assertThat(prepared.body()).contains("\"state\":\"PREPARED\"").contains("\"amountYuan\":\"20.00\"");
		HttpResponse<String> self = post(path + "/decision", "officer", "rest-self-" + UUID.randomUUID(),
				"{\"decision\":\"APPROVE\"}");
		assertThat(self.statusCode()).isEqualTo(403);
		assertThat(self.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
		HttpResponse<String> approved = post(path + "/decision", "approver", "rest-ok-" + UUID.randomUUID(),
				"{\"decision\":\"APPROVE\"}");
		assertThat(approved.statusCode()).isEqualTo(200);
		assertThat(approved.body()).contains("\"state\":\"APPROVED\"").contains("\"decidedBy\":\"approver\"");
		assertThat(state(tranche.getTrancheId())).isEqualTo("APPROVED");
	}

	@Test
	void overRestAReusedKeyWithOtherContentIsRefusedNamingTheHeader() throws Exception {
		ScheduledTranche first = committedTranche(MilestoneState.MILESTONE_STATE_ACCEPTED, 100L);
		ScheduledTranche second = committedTranche(MilestoneState.MILESTONE_STATE_ACCEPTED, 100L);
		String key = "rest-reuse-" + UUID.randomUUID();
		assertThat(post("/api/funding/tranches/" + first.getTrancheId() + "/preparation", "officer", key, "").statusCode())
			.isEqualTo(200);
		HttpResponse<String> reused = post("/api/funding/tranches/" + second.getTrancheId() + "/preparation", "officer", key, "");
		assertThat(reused.statusCode()).isEqualTo(400);
		assertThat(reused.body()).contains("Idempotency-Key").contains("idempotency-key.reused");
		assertThat(state(second.getTrancheId())).isEqualTo("SCHEDULED");
	}

	private HttpResponse<String> post(String path, String user, String key, String json) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Authorization", "Bearer " + infra.tokens().accessToken(user))
			.header("Content-Type", "application/json")
			.POST(json.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
		if (key != null) {
			request.header("Idempotency-Key", key);
		}
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private ScheduledTranche committedTranche(MilestoneState milestoneState, long minor) {
		String milestone = UUID.randomUUID().toString();
		milestones.put(milestone, milestoneState);
		Money amount = Money.newBuilder().setCurrencyCode("CNY").setMinorUnits(minor).build();
		return stub(infra.tokens().serviceAccountToken()).commitAward(CommitAwardRequest.newBuilder()
			.setIdempotencyKey("award-" + UUID.randomUUID())
			.setBudgetCode(this.code)
			.setFiscalYear(2026)
			.setAwardReference("project/" + UUID.randomUUID())
			.setRecipientOrganisationId(FundingServiceIT.ORG_1)
			.setProjectId(UUID.randomUUID().toString())
			.addTranches(Tranche.newBuilder().setMilestoneId(milestone).setAmount(amount).setPlannedDate("2026-05-01"))
			.build()).getTranches(0);
	}

	private ScheduledTranche prepare(String user, String trancheId, String key) {
		return stub(infra.tokens().accessToken(user))
			.prepareTranche(PrepareTrancheRequest.newBuilder().setIdempotencyKey(key).setTrancheId(trancheId).build())
			.getTranche();
	}

	private ScheduledTranche decide(String user, String trancheId, String key, TrancheDecision decision, String reason) {
		return stub(infra.tokens().accessToken(user))
			.decideTranche(DecideTrancheRequest.newBuilder()
				.setIdempotencyKey(key)
				.setTrancheId(trancheId)
				.setDecision(decision)
				.setReason(reason)
				.build())
			.getTranche();
	}

	private String state(String trancheId) {
		return this.jdbc.sql("select state from tranche where id = :id")
			.param("id", UUID.fromString(trancheId))
			.query(String.class)
			.single();
	}

	private FundingServiceGrpc.FundingServiceBlockingStub stub(String token) {
		return GrpcChannels.withToken(FundingServiceGrpc.newBlockingStub(this.channel), token);
	}

}
