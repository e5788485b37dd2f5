package cn.jiangmen.innovation.funding.grpc;

import java.util.List;

import cn.jiangmen.innovation.contracts.common.v1.Money;
import cn.jiangmen.innovation.contracts.funding.v1.*;
import cn.jiangmen.innovation.funding.application.AwardCommitments;
import cn.jiangmen.innovation.funding.application.TrancheCommands;
import cn.jiangmen.innovation.funding.domain.CommitAward;
import cn.jiangmen.innovation.funding.domain.Tranche;
import cn.jiangmen.innovation.platform.error.InvalidInputException;
import cn.jiangmen.innovation.platform.security.Callers;
import io.grpc.stub.StreamObserver;

import org.springframework.stereotype.Service;

/**
 * gRPC face of funding-service: owning services commit awards; finance prepares and decides
 * tranches. The read side and budgets live in their own adapters ({@link AwardRpcs},
 * {@link BudgetRpcs}), this class only delegates to them.
 */
@Service
class FundingGrpcService extends FundingServiceGrpc.FundingServiceImplBase {

	private final AwardCommitments commitments;

	private final TrancheCommands tranches;

	private final BatchRpcs batches;

	private final RecoveryRpcs recoveries;

	private final VoucherRpcs vouchers;

	private final SubsidyRpcs subsidies;

	private final BudgetRpcs budgets;

	private final AwardRpcs awards;

	FundingGrpcService(AwardCommitments commitments, TrancheCommands tranches, BatchRpcs batches, RecoveryRpcs recoveries,
			VoucherRpcs vouchers, SubsidyRpcs subsidies, BudgetRpcs budgets, AwardRpcs awards) {
		this.commitments = commitments;
		this.tranches = tranches;
		this.batches = batches;
		this.recoveries = recoveries;
		this.vouchers = vouchers;
		this.subsidies = subsidies;
		this.budgets = budgets;
		this.awards = awards;
	}

	// Budgets, awards, payment batches, recoveries, vouchers and subsidy claims live in their own adapters.

	@Override
	public void createPaymentBatch(CreatePaymentBatchRequest request, StreamObserver<CreatePaymentBatchResponse> observer) {
		reply(observer, this.batches.create(request));
	}

	@Override
	public void sendPaymentBatch(SendPaymentBatchRequest request, StreamObserver<SendPaymentBatchResponse> observer) {
		reply(observer, this.batches.send(request));
	}

	@Override
	public void confirmPaymentBatch(ConfirmPaymentBatchRequest request,
			StreamObserver<ConfirmPaymentBatchResponse> observer) {
		reply(observer, this.batches.confirm(request));
	}

	@Override
	public void getPaymentBatch(GetPaymentBatchRequest request, StreamObserver<GetPaymentBatchResponse> observer) {
		reply(observer, this.batches.get(request));
	}

	@Override
	public void listPaymentBatches(ListPaymentBatchesRequest request, StreamObserver<ListPaymentBatchesResponse> observer) {
		reply(observer, this.batches.list(request));
	}

	@Override
	public void getPaymentStatus(GetPaymentStatusRequest request, StreamObserver<GetPaymentStatusResponse> observer) {
		reply(observer, this.batches.status(request));
	}

	@Override
	public void raiseRecovery(RaiseRecoveryRequest request, StreamObserver<RaiseRecoveryResponse> observer) {
		reply(observer, this.recoveries.raise(request));
	}

	@Override
	public void decideRecovery(DecideRecoveryRequest request, StreamObserver<DecideRecoveryResponse> observer) {
		reply(observer, this.recoveries.decide(request));
	}

	@Override
	public void confirmRecoveryRepayment(ConfirmRecoveryRepaymentRequest request,
			StreamObserver<ConfirmRecoveryRepaymentResponse> observer) {
		reply(observer, this.recoveries.repaid(request));
	}

	@Override
	public void listRecoveries(ListRecoveriesRequest request, StreamObserver<ListRecoveriesResponse> observer) {
		reply(observer, this.recoveries.list(request));

	@Override
	public void listTranches(ListTranchesRequest request, StreamObserver<ListTranchesResponse> responseObserver) {
		reply(responseObserver, this.awards.tranches(request));
	}

	@Override
	public void getAward(GetAwardRequest request, StreamObserver<GetAwardResponse> responseObserver) {
		reply(responseObserver, this.awards.award(request));
	}

	@Override
	public void listAwards(ListAwardsRequest request, StreamObserver<ListAwardsResponse> responseObserver) {
		reply(responseObserver, this.awards.awards(request));
	}

	@Override
	public void listBudgets(ListBudgetsRequest request, StreamObserver<ListBudgetsResponse> responseObserver) {
		reply(responseObserver, this.budgets.list(request));
	}

	@Override
	public void openBudgetLine(OpenBudgetLineRequest request, StreamObserver<OpenBudgetLineResponse> responseObserver) {
		reply(responseObserver, this.budgets.open(request));
	}

	@Override
	public void prepareBudgetRaise(PrepareBudgetRaiseRequest request,
			StreamObserver<PrepareBudgetRaiseResponse> responseObserver) {
		reply(responseObserver, this.budgets.prepare(request));
	}

	@Override
	public void decideBudgetRaise(DecideBudgetRaiseRequest request,
			StreamObserver<DecideBudgetRaiseResponse> responseObserver) {
		reply(responseObserver, this.budgets.decide(request));
	}

	@Override
	public void listBudgetRaises(ListBudgetRaisesRequest request,
			StreamObserver<ListBudgetRaisesResponse> responseObserver) {
		reply(responseObserver, this.budgets.raises(request));
	}

	private static <T> void reply(StreamObserver<T> observer, T response) {
		observer.onNext(response);
		observer.onCompleted();
	}

	@Override
	public void commitAward(CommitAwardRequest request, StreamObserver<CommitAwardResponse> responseObserver) {
		AwardCommitments.Committed committed = this.commitments.commit(Callers.current(),
				() -> CommitAward.of(request.getIdempotencyKey(), request.getBudgetCode(), request.getFiscalYear(),
						request.getAwardReference(), request.getRecipientOrganisationId(),
						request.hasAmount() ? request.getAmount().getCurrencyCode() : null,
						request.hasAmount() ? request.getAmount().getMinorUnits() : null, request.getProjectId(),
						request.getTranchesList()
							.stream()
							.map(t -> new CommitAward.RawTranche(t.getMilestoneId(),
									t.hasAmount() ? t.getAmount().getCurrencyCode() : null,
									t.hasAmount() ? t.getAmount().getMinorUnits() : null, t.getPlannedDate()))
							.toList()));
		responseObserver.onNext(CommitAwardResponse.newBuilder()
			.setCommitmentId(committed.commitment().id().toString())
			.setState(CommitmentState.valueOf("COMMITMENT_STATE_" + committed.commitment().state().name()))
			.addAllTranches(committed.tranches().stream().map(FundingGrpcService::tranche).toList())
			.build());
		responseObserver.onCompleted();
	}

	@Override
	public void prepareTranche(PrepareTrancheRequest request, StreamObserver<PrepareTrancheResponse> responseObserver) {
		Tranche prepared = this.tranches.prepare(Callers.current(), request.getIdempotencyKey(), "idempotency_key",
				request.getTrancheId());
		responseObserver.onNext(PrepareTrancheResponse.newBuilder().setTranche(tranche(prepared)).build());
		responseObserver.onCompleted();
	}

	@Override
	public void decideTranche(DecideTrancheRequest request, StreamObserver<DecideTrancheResponse> responseObserver) {
		if (request.getDecision() == TrancheDecision.TRANCHE_DECISION_UNSPECIFIED
				|| request.getDecision() == TrancheDecision.UNRECOGNIZED) {
			throw new InvalidInputException("decision", "required", "must be APPROVE or REJECT");
		}
		Tranche decided = this.tranches.decide(Callers.current(), request.getIdempotencyKey(), "idempotency_key",
				request.getTrancheId(), request.getDecision() == TrancheDecision.TRANCHE_DECISION_APPROVE,
				request.getReason());
		responseObserver.onNext(DecideTrancheResponse.newBuilder().setTranche(tranche(decided)).build());
		responseObserver.onCompleted();
	}

	@Override
	public void issueVoucher(IssueVoucherRequest request, StreamObserver<IssueVoucherResponse> observer) {
		observer.onNext(IssueVoucherResponse.newBuilder().setVoucher(this.vouchers.issue(request)).build());
		observer.onCompleted();
	}

	@Override
	public void redeemVoucher(RedeemVoucherRequest request, StreamObserver<RedeemVoucherResponse> observer) {
		observer.onNext(RedeemVoucherResponse.newBuilder().setVoucher(this.vouchers.redeem(request)).build());
		observer.onCompleted();
	}

	@Override
	public void prepareVoucherSettlement(PrepareVoucherSettlementRequest request,
			StreamObserver<PrepareVoucherSettlementResponse> observer) {
		observer.onNext(PrepareVoucherSettlementResponse.newBuilder()
			.setVoucher(this.vouchers.prepareSettlement(request))
			.build());
		observer.onCompleted();
	}

	@Override
	public void decideVoucherSettlement(DecideVoucherSettlementRequest request,
			StreamObserver<DecideVoucherSettlementResponse> observer) {
		observer.onNext(DecideVoucherSettlementResponse.newBuilder()
			.setVoucher(this.vouchers.decideSettlement(request))
			.build());
		observer.onCompleted();
	}

	@Override
	public void getVoucher(GetVoucherRequest request, StreamObserver<GetVoucherResponse> observer) {
		observer.onNext(GetVoucherResponse.newBuilder().setVoucher(this.vouchers.get(request)).build());
		observer.onCompleted();
	}

	@Override
	public void reviewSubsidyClaim(ReviewSubsidyClaimRequest request, StreamObserver<ReviewSubsidyClaimResponse> observer) {
		observer.onNext(ReviewSubsidyClaimResponse.newBuilder().setClaim(this.subsidies.review(request)).build());
		observer.onCompleted();
	}

	@Override
	public void prepareSubsidyPayment(PrepareSubsidyPaymentRequest request,
			StreamObserver<PrepareSubsidyPaymentResponse> observer) {
		observer.onNext(PrepareSubsidyPaymentResponse.newBuilder().setClaim(this.subsidies.preparePayment(request)).build());
		observer.onCompleted();
	}

	@Override
	public void decideSubsidyPayment(DecideSubsidyPaymentRequest request,
			StreamObserver<DecideSubsidyPaymentResponse> observer) {
		observer.onNext(DecideSubsidyPaymentResponse.newBuilder().setClaim(this.subsidies.decidePayment(request)).build());
		observer.onCompleted();
	}

	@Override
	public void getSubsidyClaim(GetSubsidyClaimRequest request, StreamObserver<GetSubsidyClaimResponse> observer) {
		observer.onNext(GetSubsidyClaimResponse.newBuilder().setClaim(this.subsidies.get(request)).build());
		observer.onCompleted();
	}

	static ScheduledTranche tranche(Tranche t) {
		return ScheduledTranche.newBuilder()
			.setTrancheId(t.id().toString())
			.setSequence(t.sequence())
			.setMilestoneId(t.milestoneId() == null ? "" : t.milestoneId().toString())
			.setAmount(Money.newBuilder().setCurrencyCode(CommitAward.CURRENCY).setMinorUnits(t.amountMinor()))
			.setPlannedDate(t.plannedDate().toString())
			.setState(TrancheState.valueOf("TRANCHE_STATE_" + t.state().name()))
			.build();
	}

	static List<ScheduledTranche> tranches(List<Tranche> tranches) {
		return tranches.stream().map(FundingGrpcService::tranche).toList();
	}

}
