package cn.jiangmen.innovation.portal.finance;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import cn.jiangmen.innovation.contracts.common.v1.Money;
import cn.jiangmen.innovation.contracts.funding.v1.Award;
import cn.jiangmen.innovation.contracts.funding.v1.BudgetLine;
import cn.jiangmen.innovation.contracts.funding.v1.BudgetRaise;
import cn.jiangmen.innovation.contracts.funding.v1.BudgetRaiseState;
import cn.jiangmen.innovation.contracts.funding.v1.ConfirmPaymentBatchRequest;
import cn.jiangmen.innovation.contracts.funding.v1.ConfirmPaymentBatchResponse;
import cn.jiangmen.innovation.contracts.funding.v1.ConfirmRecoveryRepaymentRequest;
import cn.jiangmen.innovation.contracts.funding.v1.ConfirmRecoveryRepaymentResponse;
import cn.jiangmen.innovation.contracts.funding.v1.CreatePaymentBatchRequest;
import cn.jiangmen.innovation.contracts.funding.v1.CreatePaymentBatchResponse;
import cn.jiangmen.innovation.contracts.funding.v1.DecideBudgetRaiseRequest;
import cn.jiangmen.innovation.contracts.funding.v1.DecideBudgetRaiseResponse;
import cn.jiangmen.innovation.contracts.funding.v1.DecideRecoveryRequest;
import cn.jiangmen.innovation.contracts.funding.v1.DecideRecoveryResponse;
import cn.jiangmen.innovation.contracts.funding.v1.DecideTrancheRequest;
import cn.jiangmen.innovation.contracts.funding.v1.DecideTrancheResponse;
import cn.jiangmen.innovation.contracts.funding.v1.ExportPaymentBatchRequest;
import cn.jiangmen.innovation.contracts.funding.v1.ExportPaymentBatchResponse;
import cn.jiangmen.innovation.contracts.funding.v1.FundingServiceGrpc;
import cn.jiangmen.innovation.contracts.funding.v1.GetPaymentBatchRequest;
import cn.jiangmen.innovation.contracts.funding.v1.GetPaymentBatchResponse;
import cn.jiangmen.innovation.contracts.funding.v1.GetPaymentStatusRequest;
import cn.jiangmen.innovation.contracts.funding.v1.GetPaymentStatusResponse;
import cn.jiangmen.innovation.contracts.funding.v1.ListAwardsRequest;
import cn.jiangmen.innovation.contracts.funding.v1.ListAwardsResponse;
import cn.jiangmen.innovation.contracts.funding.v1.ListBudgetRaisesRequest;
import cn.jiangmen.innovation.contracts.funding.v1.ListBudgetRaisesResponse;
import cn.jiangmen.innovation.contracts.funding.v1.ListBudgetsRequest;
import cn.jiangmen.innovation.contracts.funding.v1.ListBudgetsResponse;
import cn.jiangmen.innovation.contracts.funding.v1.ListPaymentBatchesRequest;
import cn.jiangmen.innovation.contracts.funding.v1.ListPaymentBatchesResponse;
import cn.jiangmen.innovation.contracts.funding.v1.ListRecoveriesRequest;
import cn.jiangmen.innovation.contracts.funding.v1.ListRecoveriesResponse;
import cn.jiangmen.innovation.contracts.funding.v1.ListTranchesRequest;
import cn.jiangmen.innovation.contracts.funding.v1.ListTranchesResponse;
import cn.jiangmen.innovation.contracts.funding.v1.PrepareBudgetRaiseRequest;
import cn.jiangmen.innovation.contracts.funding.v1.PrepareBudgetRaiseResponse;
import cn.jiangmen.innovation.contracts.funding.v1.PrepareTrancheRequest;
import cn.jiangmen.innovation.contracts.funding.v1.PrepareTrancheResponse;
import cn.jiangmen.innovation.contracts.funding.v1.QueuedTranche;
import cn.jiangmen.innovation.contracts.funding.v1.RaiseRecoveryRequest;
import cn.jiangmen.innovation.contracts.funding.v1.RaiseRecoveryResponse;
import cn.jiangmen.innovation.contracts.funding.v1.ScheduledTranche;
import cn.jiangmen.innovation.contracts.funding.v1.SendPaymentBatchRequest;
import cn.jiangmen.innovation.contracts.funding.v1.SendPaymentBatchResponse;
import cn.jiangmen.innovation.contracts.funding.v1.TrancheDecision;
import cn.jiangmen.innovation.contracts.funding.v1.TrancheState;
import com.google.protobuf.Any;
import com.google.rpc.Code;
import com.google.rpc.ErrorInfo;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.StreamObserver;

/**
 * Stands in for funding-service: a tranche to prepare ("t-due", milestone accepted), one whose
 * milestone is not accepted ("t-open"), one prepared by "officer" ("t-prepared"), one rejected;
 * the caller is known by the token the portal relays ("&lt;username&gt;-token"), so "prepared by
 * caller" and the four-eyes refusal behave as funding's do. {@link #projectDown} plays a
 * project-service that does not answer.
 */
public class FakeFundingService extends FundingServiceGrpc.FundingServiceImplBase {

	static final Context.Key<String> CALLER = Context.key("caller");

	static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("Authorization", Metadata.ASCII_STRING_MARSHALLER);

	/** Reads the caller's username from the relayed token, as funding reads the subject from the JWT. */
	public static final ServerInterceptor IDENTITY = new ServerInterceptor() {
		@Override
		public <ReqT, RespT> ServerCall.Listener<ReqT> interceptCall(ServerCall<ReqT, RespT> call, Metadata headers,
				ServerCallHandler<ReqT, RespT> next) {
			String authorization = headers.get(AUTHORIZATION);
			String user = authorization == null ? "" : authorization.replace("Bearer ", "").replace("-token", "");
			return Contexts.interceptCall(Context.current().withValue(CALLER, user), call, headers, next);
		}
	};

	final Map<String, QueuedTranche> tranches = new ConcurrentHashMap<>();

	final List<String> calls = new CopyOnWriteArrayList<>();

	final List<BudgetRaise> raises = new CopyOnWriteArrayList<>();

	/** Recovery demands, as funding's recovery RPCs keep them. */
	final FakeRecoveries recoveries = new FakeRecoveries();

	/** Innovation vouchers, as funding's voucher RPCs keep them. */
	final FakeVouchers vouchers = new FakeVouchers();

	/** Redeeming them, with funding's rules (FakeVoucherRedemptions). */
	final FakeVoucherRedemptions redemptions = new FakeVoucherRedemptions(this.vouchers);

	/** Subsidy claims, as funding's subsidy RPCs keep them. */
	final FakeSubsidyClaims claims = new FakeSubsidyClaims();

	/** Payment batches, as funding's batch RPCs keep them. */
	final FakePaymentBatches batches = new FakePaymentBatches(this);

	volatile boolean projectDown;

	public FakeFundingService() {
		reset();
	}

	void reset() {
		this.projectDown = false;
		this.calls.clear();
		this.tranches.clear();
		this.raises.clear();
		put(queued("t-due", TrancheState.TRANCHE_STATE_SCHEDULED, "m-accepted", "", "", 1_200_000_00L));
		put(queued("t-open", TrancheState.TRANCHE_STATE_SCHEDULED, "m-open", "", "", 800_000_00L));
		put(queued("t-prepared", TrancheState.TRANCHE_STATE_PREPARED, "m-accepted", "officer", "", 500_000_00L));
		put(queued("t-rejected", TrancheState.TRANCHE_STATE_REJECTED, "", "officer", "收款账户缺失", 300_000_00L));
		this.batches.reset();
		this.recoveries.reset();
		this.vouchers.reset();
		this.redemptions.reset();
		this.claims.reset();
		put(queued("t-approved", TrancheState.TRANCHE_STATE_APPROVED, "m-accepted", "officer", "", 1_500_000_00L)
			.toBuilder()
			.setRecipientOrganisationName("")
			.build());
		put(queued("t-failed", TrancheState.TRANCHE_STATE_FAILED, "m-accepted", "officer", "", 250_000_00L)
			.toBuilder()
			.setRecipientOrganisationId("7d1c2a8e-0000-4000-8000-000000000002")
			.setRecipientOrganisationName("")
			.build());
		put(queued("t-noaccount", TrancheState.TRANCHE_STATE_APPROVED, "", "officer", "", 10_000_00L).toBuilder()
			.setRecipientOrganisationId("7d1c2a8e-0000-4000-8000-0000000000ff")
			.setRecipientOrganisationName("无账户科技有限公司")
			.build());
		this.raises.add(BudgetRaise.newBuilder()
			.setRaiseId("r-1")
			.setProgramCode("talent")
			.setFiscalYear(2026)
			.setAmount(fen(20_000_000_00L))
			.setState(BudgetRaiseState.BUDGET_RAISE_STATE_PREPARED)
			.setPreparedBy("officer")
			.build());
	}

	private void put(QueuedTranche t) {
		this.tranches.put(t.getTranche().getTrancheId(), t);
	}

	static Money fen(long fen) {
		return Money.newBuilder().setCurrencyCode("CNY").setMinorUnits(fen).build();
	}

	static QueuedTranche queued(String id, TrancheState state, String milestone, String maker, String reason, long fen) {
		return QueuedTranche.newBuilder()
			.setTranche(ScheduledTranche.newBuilder()
				.setTrancheId(id)
				.setSequence(1)
				.setMilestoneId(milestone)
				.setAmount(fen(fen))
				.setPlannedDate("2026-06-30")
				.setState(state))
			.setCommitmentId("c-1")
			.setAwardReference("JM-2026-ZX-" + id)
			.setProgramCode("major-projects")
			.setFiscalYear(2026)
			.setRecipientOrganisationId("7d1c2a8e-0000-4000-8000-000000000001")
			.setRecipientOrganisationName("江门市光电科技有限公司")
			.setPreparedBy(maker)
			.setDecidedBy(reason.isEmpty() ? "" : "approver")
			.setDecisionReason(reason)
			.build();
	}

	private static String caller() {
		return CALLER.get();
	}

	@Override
	public void listTranches(ListTranchesRequest request, StreamObserver<ListTranchesResponse> observer) {
		this.calls.add("listTranches " + request.getQueue());
		java.util.Set<TrancheState> wanted = switch (request.getQueue()) {
			case TRANCHE_QUEUE_TO_PREPARE -> java.util.Set.of(TrancheState.TRANCHE_STATE_SCHEDULED);
			case TRANCHE_QUEUE_TO_APPROVE -> java.util.Set.of(TrancheState.TRANCHE_STATE_PREPARED);
			case TRANCHE_QUEUE_TO_PAY -> java.util.Set.of(TrancheState.TRANCHE_STATE_APPROVED,
					TrancheState.TRANCHE_STATE_FAILED);
			default -> java.util.Set.of(TrancheState.TRANCHE_STATE_REJECTED);
		};
		observer.onNext(ListTranchesResponse.newBuilder()
			.addAllTranches(this.tranches.values()
				.stream()
				.filter(t -> wanted.contains(t.getTranche().getState()))
				.sorted(java.util.Comparator.comparing(t -> t.getTranche().getTrancheId()))
				.map(t -> t.toBuilder().setPreparedByCaller(t.getPreparedBy().equals(caller())).build())
				.toList())
			.build());
		observer.onCompleted();
	}

	@Override
	public void prepareTranche(PrepareTrancheRequest request, StreamObserver<PrepareTrancheResponse> observer) {
		this.calls.add("prepare " + request.getTrancheId() + " key=" + request.getIdempotencyKey());
		QueuedTranche t = this.tranches.get(request.getTrancheId());
		if (t == null) {
			observer.onError(Status.NOT_FOUND.asRuntimeException());
			return;
		}
		if (this.projectDown) {
			observer.onError(Status.UNAVAILABLE.withDescription("project-service is not reachable").asRuntimeException());
			return;
		}
		if (t.getTranche().getMilestoneId().equals("m-open")) {
			observer.onError(refused("tranche.milestone-not-accepted"));
			return;
		}
		QueuedTranche prepared = t.toBuilder()
			.setTranche(t.getTranche().toBuilder().setState(TrancheState.TRANCHE_STATE_PREPARED))
			.setPreparedBy(caller())
			.build();
		put(prepared);
		observer.onNext(PrepareTrancheResponse.newBuilder().setTranche(prepared.getTranche()).build());
		observer.onCompleted();
	}

	@Override
	public void decideTranche(DecideTrancheRequest request, StreamObserver<DecideTrancheResponse> observer) {
		this.calls.add("decide " + request.getTrancheId() + " " + request.getDecision() + " " + request.getReason());
		QueuedTranche t = this.tranches.get(request.getTrancheId());
		if (t == null) {
			observer.onError(Status.NOT_FOUND.asRuntimeException());
			return;
		}
		if (t.getPreparedBy().equals(caller())) {
			observer.onError(Status.PERMISSION_DENIED.withDescription("four eyes").asRuntimeException());
			return;
		}
		boolean approve = request.getDecision() == TrancheDecision.TRANCHE_DECISION_APPROVE;
		QueuedTranche decided = t.toBuilder()
			.setTranche(t.getTranche()
				.toBuilder()
				.setState(approve ? TrancheState.TRANCHE_STATE_APPROVED : TrancheState.TRANCHE_STATE_REJECTED))
			.setDecidedBy(caller())
			.setDecisionReason(request.getReason())
			.build();
		put(decided);
		observer.onNext(DecideTrancheResponse.newBuilder().setTranche(decided.getTranche()).build());
		observer.onCompleted();
	}

	@Override
	public void listBudgets(ListBudgetsRequest request, StreamObserver<ListBudgetsResponse> observer) {
		observer.onNext(ListBudgetsResponse.newBuilder()
			.addBudgets(line("talent", 2026, 50_000_000_00L, 12_000_000_00L, 3_000_000_00L))
			.addBudgets(line("major-projects", 2026, 80_000_000_00L, 20_000_000_00L, 5_000_000_00L))
			.addBudgets(line("vouchers", 2025, 10_000_000_00L, 0, 9_000_000_00L))
			.build());
		observer.onCompleted();
	}

	static BudgetLine line(String code, int year, long appropriated, long pending, long posted) {
		return BudgetLine.newBuilder()
			.setProgramCode(code)
			.setFiscalYear(year)
			.setAppropriated(fen(appropriated))
			.setPending(fen(pending))
			.setPosted(fen(posted))
			.setAvailable(fen(appropriated - pending - posted))
			.build();
	}

	@Override
	public void listBudgetRaises(ListBudgetRaisesRequest request, StreamObserver<ListBudgetRaisesResponse> observer) {
		observer.onNext(ListBudgetRaisesResponse.newBuilder()
			.addAllRaises(this.raises.stream()
				.filter(r -> request.getState() == BudgetRaiseState.BUDGET_RAISE_STATE_UNSPECIFIED
						|| r.getState() == request.getState())
				.map(r -> r.toBuilder().setPreparedByCaller(r.getPreparedBy().equals(caller())).build())
				.toList())
			.build());
		observer.onCompleted();
	}

	@Override
	public void prepareBudgetRaise(PrepareBudgetRaiseRequest request, StreamObserver<PrepareBudgetRaiseResponse> observer) {
		this.calls.add("prepareRaise " + request.getProgramCode() + " " + request.getFiscalYear() + " "
				+ request.getAmount().getMinorUnits());
		BudgetRaise raise = BudgetRaise.newBuilder()
			.setRaiseId("r-" + (this.raises.size() + 1))
			.setProgramCode(request.getProgramCode())
			.setFiscalYear(request.getFiscalYear())
			.setAmount(request.getAmount())
			.setState(BudgetRaiseState.BUDGET_RAISE_STATE_PREPARED)
			.setPreparedBy(caller())
			.build();
		this.raises.add(raise);
		observer.onNext(PrepareBudgetRaiseResponse.newBuilder().setRaise(raise).build());
		observer.onCompleted();
	}

	@Override
	public void decideBudgetRaise(DecideBudgetRaiseRequest request, StreamObserver<DecideBudgetRaiseResponse> observer) {
		this.calls.add("decideRaise " + request.getRaiseId() + " " + request.getDecision());
		observer.onNext(DecideBudgetRaiseResponse.newBuilder()
			.setRaise(BudgetRaise.newBuilder().setRaiseId(request.getRaiseId()))
			.build());
		observer.onCompleted();
	}

	@Override
	public void listAwards(ListAwardsRequest request, StreamObserver<ListAwardsResponse> observer) {
		this.calls.add("listAwards " + request.getRecipientOrganisationId());
		ListAwardsResponse.Builder awards = ListAwardsResponse.newBuilder();
		if (request.getRecipientOrganisationId().isEmpty() && !caller().startsWith("applicant")) {
			// finance sees every organisation's: 五邑大学's project award, its start-up tranche paid
			awards.addAwards(Award.newBuilder()
				.setCommitmentId("c-2")
				.setAwardReference("JM-2026-ZX-0002")
				.setProgramCode("major-projects")
				.setFiscalYear(2026)
				.setRecipientOrganisationId("7d1c2a8e-0000-4000-8000-000000000002")
				.setAmount(fen(5_000_000_00L))
				.setReleased(fen(2_000_000_00L))
				.setPaid(fen(2_000_000_00L)));
		}
		observer.onNext(awards
			.addAwards(Award.newBuilder()
				.setCommitmentId("c-1")
				.setAwardReference("JM-2026-RC-0007")
				.setProgramCode("talent")
				.setFiscalYear(2026)
				.setRecipientOrganisationId("7d1c2a8e-0000-4000-8000-000000000001")
				.setRecipientOrganisationName("江门市光电科技有限公司")
				.setAmount(fen(3_000_000_00L))
				.setReleased(fen(1_000_000_00L))
				.setPaid(fen(0))
				.addTranches(ScheduledTranche.newBuilder()
					.setTrancheId("i-1")
					.setSequence(1)
					.setAmount(fen(1_000_000_00L))
					.setPlannedDate("2026-01-15")
					.setState(TrancheState.TRANCHE_STATE_APPROVED))
				.addTranches(ScheduledTranche.newBuilder()
					.setTrancheId("i-2")
					.setSequence(2)
					.setAmount(fen(2_000_000_00L))
					.setPlannedDate("2027-01-15")
					.setState(TrancheState.TRANCHE_STATE_SCHEDULED)))
			.build());
		observer.onCompleted();
	}

	@Override
	public void createPaymentBatch(CreatePaymentBatchRequest request, StreamObserver<CreatePaymentBatchResponse> observer) {
		this.batches.create(request, caller(), observer);
	}

	@Override
	public void sendPaymentBatch(SendPaymentBatchRequest request, StreamObserver<SendPaymentBatchResponse> observer) {
		this.batches.send(request, observer);
	}

	@Override
	public void confirmPaymentBatch(ConfirmPaymentBatchRequest request,
			StreamObserver<ConfirmPaymentBatchResponse> observer) {
		this.batches.confirm(request, observer);
	}

	@Override
	public void getPaymentBatch(GetPaymentBatchRequest request, StreamObserver<GetPaymentBatchResponse> observer) {
		this.batches.get(request, observer);
	}

	@Override
	public void listPaymentBatches(ListPaymentBatchesRequest request, StreamObserver<ListPaymentBatchesResponse> observer) {
		this.batches.list(request, observer);
	}

	@Override
	public void exportPaymentBatch(ExportPaymentBatchRequest request, StreamObserver<ExportPaymentBatchResponse> observer) {
		this.batches.export(request, caller(), observer);
	}

	@Override
	public void getPaymentStatus(GetPaymentStatusRequest request, StreamObserver<GetPaymentStatusResponse> observer) {
		this.batches.status(request, observer);
	}

	@Override
	public void listRecoveries(ListRecoveriesRequest request, StreamObserver<ListRecoveriesResponse> observer) {
		this.recoveries.list(request, observer);
	}

	@Override
	public void raiseRecovery(RaiseRecoveryRequest request, StreamObserver<RaiseRecoveryResponse> observer) {
		this.recoveries.raise(request, caller(), observer);
	}

	@Override
	public void decideRecovery(DecideRecoveryRequest request, StreamObserver<DecideRecoveryResponse> observer) {
		this.recoveries.decide(request, caller(), observer);
	}

	@Override
	public void confirmRecoveryRepayment(ConfirmRecoveryRepaymentRequest request,
			StreamObserver<ConfirmRecoveryRepaymentResponse> observer) {
		this.recoveries.repay(request, observer);
	}

	@Override
	public void listVouchers(cn.jiangmen.innovation.contracts.funding.v1.ListVouchersRequest request,
			StreamObserver<cn.jiangmen.innovation.contracts.funding.v1.ListVouchersResponse> observer) {
		this.vouchers.list(request, caller(), observer);
	}

	@Override
	public void getVoucher(cn.jiangmen.innovation.contracts.funding.v1.GetVoucherRequest request,
			StreamObserver<cn.jiangmen.innovation.contracts.funding.v1.GetVoucherResponse> observer) {
		this.vouchers.get(request, caller(), observer);
	}

	@Override
	public void issueVoucher(cn.jiangmen.innovation.contracts.funding.v1.IssueVoucherRequest request,
			StreamObserver<cn.jiangmen.innovation.contracts.funding.v1.IssueVoucherResponse> observer) {
		this.vouchers.issue(request, caller(), observer);
	}

	@Override
	public void redeemVoucher(cn.jiangmen.innovation.contracts.funding.v1.RedeemVoucherRequest request,
			StreamObserver<cn.jiangmen.innovation.contracts.funding.v1.RedeemVoucherResponse> observer) {
		this.redemptions.redeem(request, caller(), observer);
	}

	@Override
	public void prepareVoucherSettlement(cn.jiangmen.innovation.contracts.funding.v1.PrepareVoucherSettlementRequest request,
			StreamObserver<cn.jiangmen.innovation.contracts.funding.v1.PrepareVoucherSettlementResponse> observer) {
		this.vouchers.prepare(request, caller(), observer);
	}

	@Override
	public void decideVoucherSettlement(cn.jiangmen.innovation.contracts.funding.v1.DecideVoucherSettlementRequest request,
			StreamObserver<cn.jiangmen.innovation.contracts.funding.v1.DecideVoucherSettlementResponse> observer) {
		this.vouchers.decide(request, caller(), observer);
	}

	@Override
	public void getVoucherAllowance(cn.jiangmen.innovation.contracts.funding.v1.GetVoucherAllowanceRequest request,
			StreamObserver<cn.jiangmen.innovation.contracts.funding.v1.GetVoucherAllowanceResponse> observer) {
		this.vouchers.allowance(request, caller(), observer);
	}

	@Override
	public void listSubsidyClaims(cn.jiangmen.innovation.contracts.funding.v1.ListSubsidyClaimsRequest request,
			StreamObserver<cn.jiangmen.innovation.contracts.funding.v1.ListSubsidyClaimsResponse> observer) {
		this.claims.list(request, caller(), observer);
	}

	@Override
	public void getSubsidyClaim(cn.jiangmen.innovation.contracts.funding.v1.GetSubsidyClaimRequest request,
			StreamObserver<cn.jiangmen.innovation.contracts.funding.v1.GetSubsidyClaimResponse> observer) {
		this.claims.get(request, caller(), observer);
	}

	@Override
	public void prepareSubsidyPayment(cn.jiangmen.innovation.contracts.funding.v1.PrepareSubsidyPaymentRequest request,
			StreamObserver<cn.jiangmen.innovation.contracts.funding.v1.PrepareSubsidyPaymentResponse> observer) {
		this.claims.prepare(request, caller(), observer);
	}

	@Override
	public void decideSubsidyPayment(cn.jiangmen.innovation.contracts.funding.v1.DecideSubsidyPaymentRequest request,
			StreamObserver<cn.jiangmen.innovation.contracts.funding.v1.DecideSubsidyPaymentResponse> observer) {
		this.claims.decide(request, caller(), observer);
	}

	void put(String id, TrancheState state) {
		QueuedTranche t = this.tranches.get(id);
		put(t.toBuilder().setTranche(t.getTranche().toBuilder().setState(state)).build());
	}

	static io.grpc.StatusRuntimeException refused(String reason) {
		return StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
			.setCode(Code.FAILED_PRECONDITION_VALUE)
			.setMessage(reason)
			.addDetails(Any.pack(ErrorInfo.newBuilder().setReason(reason).setDomain("funding").build()))
			.build());
	}

}
