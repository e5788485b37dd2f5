package cn.jiangmen.innovation.funding;

import java.net.http.HttpResponse;
import java.util.UUID;

import cn.jiangmen.innovation.contracts.common.v1.Money;
import cn.jiangmen.innovation.contracts.funding.v1.ConfirmRecoveryRepaymentRequest;
import cn.jiangmen.innovation.contracts.funding.v1.DecideRecoveryRequest;
import cn.jiangmen.innovation.contracts.funding.v1.ListRecoveriesRequest;
import cn.jiangmen.innovation.contracts.funding.v1.PaymentBatch;
import cn.jiangmen.innovation.contracts.funding.v1.RaiseProjectRecoveryRequest;
import cn.jiangmen.innovation.contracts.funding.v1.RaiseProjectRecoveryResponse;
import cn.jiangmen.innovation.contracts.funding.v1.RaiseRecoveryRequest;
import cn.jiangmen.innovation.contracts.funding.v1.Recovery;
import cn.jiangmen.innovation.contracts.funding.v1.RecoveryDecision;
import cn.jiangmen.innovation.contracts.funding.v1.RecoveryMethod;
import cn.jiangmen.innovation.contracts.funding.v1.RecoveryReason;
import cn.jiangmen.innovation.contracts.funding.v1.RecoveryState;
import cn.jiangmen.innovation.testsupport.client.GrpcChannels;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Recovery (追回) against real PostgreSQL, Redis and Keycloak tokens: four eyes, amounts checked
 * against what was paid, settlement by repayment and by offset against the next tranche, all
 * through the ledger (checked after every test).
 */
class RecoveryIT extends FundingIntegrationTest {

	PaymentFlow flow;

	RecoveryIT() {
		super("rec", 1_000_000L);
	}

	@BeforeEach
	void openFlow() {
		this.flow = new PaymentFlow(infra, this.channel, this.port, this.code);
	}

	@Test
	void aRepaymentSettlesAnApprovedRecoveryOnTheBanksConfirmation() throws Exception {
		String organisation = this.flow.organisationWithAccount();
		PaymentFlow.Award award = this.flow.approvedTranche(organisation, 5_000_00L);
		this.flow.pay(award.trancheId());

		String key = "raise-" + UUID.randomUUID();
		Recovery raised = raise("officer", key, award.commitmentId(), RecoveryMethod.RECOVERY_METHOD_REPAYMENT,
				PaymentFlow.money(1_000_00L));
		assertThat(raised.getState()).isEqualTo(RecoveryState.RECOVERY_STATE_RAISED);
		assertThat(raise("officer", key, award.commitmentId(), RecoveryMethod.RECOVERY_METHOD_REPAYMENT,
				PaymentFlow.money(1_000_00L))).as("a replay gets the first demand").isEqualTo(raised);

		assertThatThrownBy(() -> decide("officer", raised.getRecoveryId(), RecoveryDecision.RECOVERY_DECISION_APPROVE))
			.as("the maker cannot approve their own recovery")
			.isInstanceOfSatisfying(StatusRuntimeException.class,
					ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
		assertThatThrownBy(() -> this.jdbc
			.sql("update recovery set decided_by_subject = raised_by_subject where id = :id")
			.param("id", UUID.fromString(raised.getRecoveryId()))
			.update()).hasMessageContaining("recovery_four_eyes");
		assertThat(decide("approver", raised.getRecoveryId(), RecoveryDecision.RECOVERY_DECISION_APPROVE).getState())
			.isEqualTo(RecoveryState.RECOVERY_STATE_APPROVED);

		String repaidKey = "repaid-" + UUID.randomUUID();
		Recovery settled = repaid(repaidKey, raised.getRecoveryId(), "ICBC-2026-12-06-0001");
		assertThat(settled.getState()).isEqualTo(RecoveryState.RECOVERY_STATE_SETTLED);
		assertThat(repaid(repaidKey, raised.getRecoveryId(), "ICBC-2026-12-06-0001")).isEqualTo(settled);
		assertThat(this.fixtures.column("credits_posted", "budget/" + this.code + "/2026/recovered"))
			.as("recovered once").isEqualTo(1_000_00L);
		assertThatThrownBy(() -> repaid("again-" + UUID.randomUUID(), raised.getRecoveryId(), "ICBC-2"))
			.isInstanceOfSatisfying(StatusRuntimeException.class,
					ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION));

		assertThat(this.flow.stub("auditor")
			.listRecoveries(ListRecoveriesRequest.newBuilder().setPageSize(200).build())
			.getRecoveriesList()).extracting(Recovery::getRecoveryId).contains(raised.getRecoveryId());
	}

	@Test
	void anOffsetIsKeptBackFromTheBeneficiarysNextTranche() throws Exception {
		String organisation = this.flow.organisationWithAccount();
		PaymentFlow.Award first = this.flow.approvedTranche(organisation, 5_000_00L);
		this.flow.pay(first.trancheId());
		Recovery raised = raise("manager", "raise-" + UUID.randomUUID(), first.commitmentId(),
				RecoveryMethod.RECOVERY_METHOD_OFFSET, PaymentFlow.money(1_500_00L));
		decide("approver", raised.getRecoveryId(), RecoveryDecision.RECOVERY_DECISION_APPROVE);

		PaymentFlow.Award next = this.flow.approvedTranche(organisation, 4_000_00L);
		PaymentBatch batch = this.flow.batch("batch-" + UUID.randomUUID(), next.trancheId());
		assertThat(batch.getLines(0).getGross().getMinorUnits()).isEqualTo(4_000_00L);
		assertThat(batch.getLines(0).getOffset().getMinorUnits()).isEqualTo(1_500_00L);
		assertThat(batch.getLines(0).getAmount().getMinorUnits()).isEqualTo(2_500_00L);
		assertThat(batch.getControlSum().getMinorUnits()).isEqualTo(2_500_00L);
		assertThat(this.jdbc.sql("select state from recovery where id = :id")
			.param("id", UUID.fromString(raised.getRecoveryId()))
			.query(String.class)
			.single()).isEqualTo("SETTLED");
		assertThat(this.fixtures.column("credits_posted", "budget/" + this.code + "/2026/recovered")).isEqualTo(1_500_00L);

		this.flow.send("send-" + UUID.randomUUID(), batch.getBatchId());
		this.flow.confirm("confirm-" + UUID.randomUUID(), batch.getBatchId(), PaymentFlow.result(
				batch.getLines(0).getEndToEndId(),
				cn.jiangmen.innovation.contracts.funding.v1.BankTransactionStatus.BANK_TRANSACTION_STATUS_ACCP, ""));
		assertThat(this.fixtures.column("credits_posted", "budget/" + this.code + "/2026/paid"))
			.isEqualTo(5_000_00L + 2_500_00L);
		assertThat(this.fixtures.column("credits_posted - debits_posted", "payable/" + organisation))
			.as("nothing left on the payable").isZero();
	}

	@Test
	void badAmountsAreRefusedNamingTheField() throws Exception {
		String organisation = this.flow.organisationWithAccount();
		PaymentFlow.Award award = this.flow.approvedTranche(organisation, 1_000_00L);
		assertThat(fields(() -> raise("manager", "k-" + UUID.randomUUID(), award.commitmentId(),
				RecoveryMethod.RECOVERY_METHOD_REPAYMENT, PaymentFlow.money(100L))))
			.as("nothing was paid yet").containsExactly("amount.minor_units");
		this.flow.pay(award.trancheId());
		assertThat(fields(() -> raise("manager", "k-" + UUID.randomUUID(), award.commitmentId(),
				RecoveryMethod.RECOVERY_METHOD_REPAYMENT, PaymentFlow.money(1_000_01L))))
			.as("more than was paid").containsExactly("amount.minor_units");
		assertThat(fields(() -> raise("manager", "k-" + UUID.randomUUID(), award.commitmentId(),
				RecoveryMethod.RECOVERY_METHOD_REPAYMENT, PaymentFlow.money(-5L))))
			.containsExactly("amount.minor_units");
		assertThat(fields(() -> raise("manager", "k-" + UUID.randomUUID(), award.commitmentId(),
				RecoveryMethod.RECOVERY_METHOD_REPAYMENT, Money.newBuilder().setCurrencyCode("USD").setMinorUnits(5).build())))
			.containsExactly("amount.currency_code");
		assertThat(fields(() -> raise("manager", "k-" + UUID.randomUUID(), award.commitmentId(),
				RecoveryMethod.RECOVERY_METHOD_UNSPECIFIED, PaymentFlow.money(5L))))
			.containsExactly("method");
		HttpResponse<String> rest = this.flow.rest("POST", "/api/funding/recoveries", "manager", "k-" + UUID.randomUUID(),
				"{\"commitmentId\":\"" + award.commitmentId() + "\",\"reason\":\"MISCONDUCT\",\"explanation\":\"x\","
						+ "\"method\":\"REPAYMENT\",\"amount\":\"12.345\",\"currency\":\"CNY\"}");
		assertThat(rest.statusCode()).isEqualTo(400);
		assertThat(rest.body()).contains("\"amount\"").contains("amount.fraction-of-fen");
		assertThat(this.flow.rest("POST", "/api/funding/recoveries", "approver", "k-" + UUID.randomUUID(),
				"{\"commitmentId\":\"" + award.commitmentId() + "\",\"reason\":\"MISCONDUCT\",\"explanation\":\"x\","
						+ "\"method\":\"REPAYMENT\",\"amount\":\"1.00\",\"currency\":\"CNY\"}")
			.statusCode()).as("an approver does not raise").isEqualTo(403);
		assertThat(this.jdbc.sql("select count(*) from recovery where commitment_id = :id")
			.param("id", UUID.fromString(award.commitmentId()))
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aFailedProjectsRecoveryIsPreparedBySystemAndDecidedByAFinanceApprover() throws Exception {
		String organisation = this.flow.organisationWithAccount();
		String project = UUID.randomUUID().toString();
		// the budget line holds 10,000 yuan: both awards of this test fit in it
		PaymentFlow.Award award = this.flow.approvedTranche(organisation, 6_000_00L, project);
		this.flow.pay(award.trancheId());

		String key = "project-recovery:" + project;
		RaiseProjectRecoveryResponse raised = raiseForProject("service", key, project, 10_000_00L);
		Recovery demand = raised.getRecovery();
		assertThat(demand.getState()).isEqualTo(RecoveryState.RECOVERY_STATE_RAISED);
		assertThat(demand.getCommitmentId()).isEqualTo(award.commitmentId());
		assertThat(demand.getOrganisationId()).isEqualTo(organisation);
		assertThat(demand.getRaisedBy()).isEqualTo("system");
		assertThat(demand.getReason()).isEqualTo(RecoveryReason.RECOVERY_REASON_FAILED_ACCEPTANCE);
		assertThat(demand.getMethod()).isEqualTo(RecoveryMethod.RECOVERY_METHOD_REPAYMENT);
		assertThat(demand.getAmount().getMinorUnits()).as("capped at what was paid").isEqualTo(6_000_00L);
		assertThat(raiseForProject("service", key, project, 10_000_00L)).as("a redelivery gets the first answer")
			.isEqualTo(raised);
		assertThat(this.jdbc.sql("select raised_by_subject from recovery where id = :id")
			.param("id", UUID.fromString(demand.getRecoveryId())).query(String.class).single()).startsWith("system:");

		// only project-service raises on its own; the demand then waits for four eyes like any other
		assertThatThrownBy(() -> raiseForProject("officer", "other-" + UUID.randomUUID(), project, 1_00L))
			.isInstanceOfSatisfying(StatusRuntimeException.class,
					ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
		for (String notApprover : new String[] { "officer", "manager" }) {
			assertThatThrownBy(() -> decide(notApprover, demand.getRecoveryId(), RecoveryDecision.RECOVERY_DECISION_APPROVE))
				.isInstanceOfSatisfying(StatusRuntimeException.class,
						ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
		}
		assertThatThrownBy(() -> this.flow.stub("service")
			.decideRecovery(DecideRecoveryRequest.newBuilder()
				.setIdempotencyKey("decide-" + UUID.randomUUID())
				.setRecoveryId(demand.getRecoveryId())
				.setDecision(RecoveryDecision.RECOVERY_DECISION_APPROVE)
				.build()))
			.as("the system that prepared it cannot decide it")
			.isInstanceOfSatisfying(StatusRuntimeException.class,
					ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
		Recovery approved = decide("approver", demand.getRecoveryId(), RecoveryDecision.RECOVERY_DECISION_APPROVE);
		assertThat(approved.getState()).isEqualTo(RecoveryState.RECOVERY_STATE_APPROVED);
		assertThat(approved.getDecidedBy()).isEqualTo("approver");

		// an award nothing was paid on: no demand, and the answer says why
		String unpaidProject = UUID.randomUUID().toString();
		PaymentFlow.Award unpaid = this.flow.approvedTranche(organisation, 2_000_00L, unpaidProject);
		RaiseProjectRecoveryResponse none = raiseForProject("service", "project-recovery:" + unpaidProject, unpaidProject,
				2_000_00L);
		assertThat(none.hasRecovery()).isFalse();
		assertThat(none.getNoDemandReason()).contains("Nothing to recover", "0.00");
		assertThat(this.jdbc.sql("select count(*) from recovery where commitment_id = :id")
			.param("id", UUID.fromString(unpaid.commitmentId())).query(Long.class).single()).isZero();

		// a project funding has no award for yet (its award still on its way): NOT_FOUND, so the sender retries
		assertThatThrownBy(() -> raiseForProject("service", "k-" + UUID.randomUUID(), UUID.randomUUID().toString(), 1_00L))
			.isInstanceOfSatisfying(StatusRuntimeException.class,
					ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
	}

	private RaiseProjectRecoveryResponse raiseForProject(String user, String key, String project, long released) {
		return this.flow.stub(user)
			.raiseProjectRecovery(RaiseProjectRecoveryRequest.newBuilder()
				.setIdempotencyKey(key)
				.setProjectId(project)
				.setReason(RecoveryReason.RECOVERY_REASON_FAILED_ACCEPTANCE)
				.setExplanation("验收不通过 Failed final acceptance (panel score 28.75)")
				.setReleased(PaymentFlow.money(released))
				.build());
	}

	private Recovery raise(String user, String key, String commitmentId, RecoveryMethod method, Money amount) {
		return this.flow.stub(user)
			.raiseRecovery(RaiseRecoveryRequest.newBuilder()
				.setIdempotencyKey(key)
				.setCommitmentId(commitmentId)
				.setReason(RecoveryReason.RECOVERY_REASON_FAILED_ACCEPTANCE)
				.setExplanation("验收不通过: the final acceptance found the deliverables missing")
				.setMethod(method)
				.setAmount(amount)
				.build())
			.getRecovery();
	}

	private Recovery decide(String user, String recoveryId, RecoveryDecision decision) {
		return this.flow.stub(user)
			.decideRecovery(DecideRecoveryRequest.newBuilder()
				.setIdempotencyKey("decide-" + UUID.randomUUID())
				.setRecoveryId(recoveryId)
				.setDecision(decision)
				.build())
			.getRecovery();
	}

	private Recovery repaid(String key, String recoveryId, String bankReference) {
		return this.flow.stub("officer")
			.confirmRecoveryRepayment(ConfirmRecoveryRepaymentRequest.newBuilder()
				.setIdempotencyKey(key)
				.setRecoveryId(recoveryId)
				.setBankReference(bankReference)
				.build())
			.getRecovery();
	}

	private static java.util.List<String> fields(Runnable call) {
		try {
			call.run();
		}
		catch (StatusRuntimeException ex) {
			assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
			return GrpcChannels.fieldViolations(ex);
		}
		throw new AssertionError("expected INVALID_ARGUMENT");
	}

}
