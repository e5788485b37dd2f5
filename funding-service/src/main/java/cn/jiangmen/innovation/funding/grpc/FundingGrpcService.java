package cn.jiangmen.innovation.funding.grpc;

import cn.jiangmen.innovation.contracts.funding.v1.*;
import io.grpc.stub.StreamObserver;

import org.springframework.stereotype.Service;

/**
 * gRPC face of funding-service: one proto service, so one class, which only delegates to the adapter
 * of each group of RPCs (awards and tranches, budgets, the read side, batches, recoveries, vouchers,
 * subsidy claims).
 */
@Service
class FundingGrpcService extends FundingServiceGrpc.FundingServiceImplBase {

	private final TrancheRpcs awardTranches;

	private final BatchRpcs batches;

	private final RecoveryRpcs recoveries;

	private final VoucherRpcs vouchers;

	private final SubsidyRpcs subsidies;

	private final BudgetRpcs budgets;

	private final AwardRpcs awards;

	private final InstrumentRuleRpcs rules;

	FundingGrpcService(TrancheRpcs awardTranches, BatchRpcs batches, RecoveryRpcs recoveries,
			VoucherRpcs vouchers, SubsidyRpcs subsidies, BudgetRpcs budgets, AwardRpcs awards,
			InstrumentRuleRpcs rules) {
		this.rules = rules;
		this.awardTranches = awardTranches;
		this.batches = batches;
		this.recoveries = recoveries;
		this.vouchers = vouchers;
		this.subsidies = subsidies;
		this.budgets = budgets;
		this.awards = awards;
	}

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
	public void exportPaymentBatch(ExportPaymentBatchRequest request, StreamObserver<ExportPaymentBatchResponse> observer) {
		reply(observer, this.batches.export(request));
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
	public void raiseProjectRecovery(cn.jiangmen.innovation.contracts.funding.v1.RaiseProjectRecoveryRequest request,
			StreamObserver<cn.jiangmen.innovation.contracts.funding.v1.RaiseProjectRecoveryResponse> observer) {
		reply(observer, this.recoveries.raiseForProject(request));
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
	}

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
	public void commitAward(CommitAwardRequest request, StreamObserver<CommitAwardResponse> observer) {
		reply(observer, this.awardTranches.commit(request));
	}

	@Override
	public void prepareTranche(PrepareTrancheRequest request, StreamObserver<PrepareTrancheResponse> observer) {
		reply(observer, this.awardTranches.prepare(request));
	}

	@Override
	public void decideTranche(DecideTrancheRequest request, StreamObserver<DecideTrancheResponse> observer) {
		reply(observer, this.awardTranches.decide(request));
	}

	@Override
	public void issueVoucher(IssueVoucherRequest request, StreamObserver<IssueVoucherResponse> observer) {
		reply(observer, IssueVoucherResponse.newBuilder().setVoucher(this.vouchers.issue(request)).build());
	}

	@Override
	public void redeemVoucher(RedeemVoucherRequest request, StreamObserver<RedeemVoucherResponse> observer) {
		reply(observer, RedeemVoucherResponse.newBuilder().setVoucher(this.vouchers.redeem(request)).build());
	}

	@Override
	public void prepareVoucherSettlement(PrepareVoucherSettlementRequest request,
			StreamObserver<PrepareVoucherSettlementResponse> observer) {
		reply(observer, PrepareVoucherSettlementResponse.newBuilder().setVoucher(this.vouchers.prepareSettlement(request)).build());
	}

	@Override
	public void decideVoucherSettlement(DecideVoucherSettlementRequest request,
			StreamObserver<DecideVoucherSettlementResponse> observer) {
		reply(observer, DecideVoucherSettlementResponse.newBuilder().setVoucher(this.vouchers.decideSettlement(request)).build());
	}

	@Override
	public void getVoucher(GetVoucherRequest request, StreamObserver<GetVoucherResponse> observer) {
		reply(observer, GetVoucherResponse.newBuilder().setVoucher(this.vouchers.get(request)).build());
	}

	@Override
	public void listVouchers(ListVouchersRequest request, StreamObserver<ListVouchersResponse> observer) {
		reply(observer, this.vouchers.list(request));
	}

	@Override
	public void reviewSubsidyClaim(ReviewSubsidyClaimRequest request, StreamObserver<ReviewSubsidyClaimResponse> observer) {
		reply(observer, ReviewSubsidyClaimResponse.newBuilder().setClaim(this.subsidies.review(request)).build());
	}

	@Override
	public void prepareSubsidyPayment(PrepareSubsidyPaymentRequest request,
			StreamObserver<PrepareSubsidyPaymentResponse> observer) {
		reply(observer, PrepareSubsidyPaymentResponse.newBuilder().setClaim(this.subsidies.preparePayment(request)).build());
	}

	@Override
	public void decideSubsidyPayment(DecideSubsidyPaymentRequest request,
			StreamObserver<DecideSubsidyPaymentResponse> observer) {
		reply(observer, DecideSubsidyPaymentResponse.newBuilder().setClaim(this.subsidies.decidePayment(request)).build());
	}

	@Override
	public void getSubsidyClaim(GetSubsidyClaimRequest request, StreamObserver<GetSubsidyClaimResponse> observer) {
		reply(observer, GetSubsidyClaimResponse.newBuilder().setClaim(this.subsidies.get(request)).build());
	}

	@Override
	public void listSubsidyClaims(ListSubsidyClaimsRequest request, StreamObserver<ListSubsidyClaimsResponse> observer) {
		reply(observer, this.subsidies.list(request));
	}

	@Override
	public void getInstrumentRules(GetInstrumentRulesRequest request, StreamObserver<GetInstrumentRulesResponse> observer) {
		reply(observer, this.rules.rules(request));
	}

	@Override
	public void getVoucherAllowance(GetVoucherAllowanceRequest request,
			StreamObserver<GetVoucherAllowanceResponse> observer) {
		reply(observer, this.rules.voucherAllowance(request));
	}

}
