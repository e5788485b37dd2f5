package cn.jiangmen.innovation.portal.finance;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

import cn.jiangmen.innovation.contracts.common.v1.Money;
import cn.jiangmen.innovation.contracts.funding.v1.Award;
import cn.jiangmen.innovation.contracts.funding.v1.BankLineResult;
import cn.jiangmen.innovation.contracts.funding.v1.BudgetLine;
import cn.jiangmen.innovation.contracts.funding.v1.BudgetRaise;
import cn.jiangmen.innovation.contracts.funding.v1.BudgetRaiseDecision;
import cn.jiangmen.innovation.contracts.funding.v1.BudgetRaiseState;
import cn.jiangmen.innovation.contracts.funding.v1.ConfirmPaymentBatchRequest;
import cn.jiangmen.innovation.contracts.funding.v1.ConfirmRecoveryRepaymentRequest;
import cn.jiangmen.innovation.contracts.funding.v1.CreatePaymentBatchRequest;
import cn.jiangmen.innovation.contracts.funding.v1.DecideBudgetRaiseRequest;
import cn.jiangmen.innovation.contracts.funding.v1.DecideRecoveryRequest;
import cn.jiangmen.innovation.contracts.funding.v1.DecideTrancheRequest;
import cn.jiangmen.innovation.contracts.funding.v1.ExportPaymentBatchRequest;
import cn.jiangmen.innovation.contracts.funding.v1.ExportPaymentBatchResponse;
import cn.jiangmen.innovation.contracts.funding.v1.DecideVoucherSettlementRequest;
import cn.jiangmen.innovation.contracts.funding.v1.FundingServiceGrpc;
import cn.jiangmen.innovation.contracts.funding.v1.GetVoucherRequest;
import cn.jiangmen.innovation.contracts.funding.v1.InstrumentDecision;
import cn.jiangmen.innovation.contracts.funding.v1.IssueVoucherRequest;
import cn.jiangmen.innovation.contracts.funding.v1.ListVouchersRequest;
import cn.jiangmen.innovation.contracts.funding.v1.PrepareVoucherSettlementRequest;
import cn.jiangmen.innovation.contracts.funding.v1.RedeemVoucherRequest;
import cn.jiangmen.innovation.contracts.funding.v1.Voucher;
import cn.jiangmen.innovation.contracts.funding.v1.VoucherListView;
import cn.jiangmen.innovation.contracts.funding.v1.GetAwardRequest;
import cn.jiangmen.innovation.contracts.funding.v1.GetPaymentBatchRequest;
import cn.jiangmen.innovation.contracts.funding.v1.GetPaymentStatusRequest;
import cn.jiangmen.innovation.contracts.funding.v1.GetPaymentStatusResponse;
import cn.jiangmen.innovation.contracts.funding.v1.ListAwardsRequest;
import cn.jiangmen.innovation.contracts.funding.v1.ListBudgetRaisesRequest;
import cn.jiangmen.innovation.contracts.funding.v1.ListBudgetsRequest;
import cn.jiangmen.innovation.contracts.funding.v1.ListPaymentBatchesRequest;
import cn.jiangmen.innovation.contracts.funding.v1.ListPaymentBatchesResponse;
import cn.jiangmen.innovation.contracts.funding.v1.ListRecoveriesRequest;
import cn.jiangmen.innovation.contracts.funding.v1.ListRecoveriesResponse;
import cn.jiangmen.innovation.contracts.funding.v1.ListTranchesRequest;
import cn.jiangmen.innovation.contracts.funding.v1.OpenBudgetLineRequest;
import cn.jiangmen.innovation.contracts.funding.v1.PaymentBatch;
import cn.jiangmen.innovation.contracts.funding.v1.PaymentBatchFileFormat;
import cn.jiangmen.innovation.contracts.funding.v1.PrepareBudgetRaiseRequest;
import cn.jiangmen.innovation.contracts.funding.v1.PrepareTrancheRequest;
import cn.jiangmen.innovation.contracts.funding.v1.QueuedTranche;
import cn.jiangmen.innovation.contracts.funding.v1.RaiseRecoveryRequest;
import cn.jiangmen.innovation.contracts.funding.v1.Recovery;
import cn.jiangmen.innovation.contracts.funding.v1.RecoveryDecision;
import cn.jiangmen.innovation.contracts.funding.v1.RecoveryMethod;
import cn.jiangmen.innovation.contracts.funding.v1.RecoveryReason;
import cn.jiangmen.innovation.contracts.funding.v1.ScheduledTranche;
import cn.jiangmen.innovation.contracts.funding.v1.SendPaymentBatchRequest;
import cn.jiangmen.innovation.contracts.funding.v1.TrancheDecision;
import cn.jiangmen.innovation.contracts.funding.v1.TrancheQueue;
import cn.jiangmen.innovation.portal.web.PagedRpcs;
import cn.jiangmen.innovation.portal.web.ServiceErrors;
import io.grpc.StatusRuntimeException;

import org.springframework.grpc.client.GrpcChannelFactory;
import org.springframework.stereotype.Component;

/**
 * The finance and award pages' way to funding-service (gRPC channel {@code funding}, the user's
 * token relayed, so funding applies its per-role and per-object rules, four eyes included). Errors
 * become pages through {@link ServiceErrors} like every client of the portal. Every command carries
 * an idempotency key the page generated once (a hidden field), so a double submit moves nothing twice.
 */
@Component
public class FundingPortalClient {

	static final String CHANNEL = "funding";

	/** The largest page funding serves (platform PageRequest.MAX_SIZE). */
	static final int PAGE = 200;

	private static final long DEADLINE_MS = 5000;

	private final FundingServiceGrpc.FundingServiceBlockingStub stub;

	public FundingPortalClient(GrpcChannelFactory channels) {
		this.stub = FundingServiceGrpc.newBlockingStub(channels.createChannel(CHANNEL));
	}

	public List<QueuedTranche> queue(TrancheQueue queue) {
		return call(() -> all(token -> stub().listTranches(
				ListTranchesRequest.newBuilder().setQueue(queue).setPageSize(PAGE).setPageToken(token).build()),
				r -> r.getTranchesList(), r -> r.getNextPageToken()));
	}

	public ScheduledTranche prepare(String idempotencyKey, String trancheId) {
		return call(() -> stub().prepareTranche(
				PrepareTrancheRequest.newBuilder().setIdempotencyKey(idempotencyKey).setTrancheId(trancheId).build())
			.getTranche());
	}

	public ScheduledTranche decide(String idempotencyKey, String trancheId, boolean approve, String reason) {
		return call(() -> stub().decideTranche(DecideTrancheRequest.newBuilder()
			.setIdempotencyKey(idempotencyKey)
			.setTrancheId(trancheId)
			.setDecision(approve ? TrancheDecision.TRANCHE_DECISION_APPROVE : TrancheDecision.TRANCHE_DECISION_REJECT)
			.setReason(reason == null ? "" : reason)
			.build()).getTranche());
	}

	public List<BudgetLine> budgets() {
		return call(() -> all(token -> stub().listBudgets(
				ListBudgetsRequest.newBuilder().setPageSize(PAGE).setPageToken(token).build()),
				r -> r.getBudgetsList(), r -> r.getNextPageToken()));
	}

	public List<BudgetRaise> raises(BudgetRaiseState state) {
		return call(() -> all(token -> stub().listBudgetRaises(
				ListBudgetRaisesRequest.newBuilder().setState(state).setPageSize(PAGE).setPageToken(token).build()),
				r -> r.getRaisesList(), r -> r.getNextPageToken()));
	}

	public BudgetLine openLine(String idempotencyKey, String programCode, int fiscalYear) {
		return call(() -> stub().openBudgetLine(OpenBudgetLineRequest.newBuilder()
			.setIdempotencyKey(idempotencyKey)
			.setProgramCode(programCode)
			.setFiscalYear(fiscalYear)
			.build()).getBudget());
	}

	public BudgetRaise prepareRaise(String idempotencyKey, String programCode, int fiscalYear, long fen) {
		return call(() -> stub().prepareBudgetRaise(PrepareBudgetRaiseRequest.newBuilder()
			.setIdempotencyKey(idempotencyKey)
			.setProgramCode(programCode)
			.setFiscalYear(fiscalYear)
			.setAmount(Money.newBuilder().setCurrencyCode("CNY").setMinorUnits(fen))
			.build()).getRaise());
	}

	public BudgetRaise decideRaise(String idempotencyKey, String raiseId, boolean approve, String reason) {
		return call(() -> stub().decideBudgetRaise(DecideBudgetRaiseRequest.newBuilder()
			.setIdempotencyKey(idempotencyKey)
			.setRaiseId(raiseId)
			.setDecision(approve ? BudgetRaiseDecision.BUDGET_RAISE_DECISION_APPROVE
					: BudgetRaiseDecision.BUDGET_RAISE_DECISION_REJECT)
			.setReason(reason == null ? "" : reason)
			.build()).getRaise());
	}

	/** Awards of one organisation; an empty id means the caller's own (applicants) or every one (finance). */
	public List<Award> awards(String organisationId) {
		return call(() -> all(token -> stub().listAwards(ListAwardsRequest.newBuilder()
			.setRecipientOrganisationId(organisationId == null ? "" : organisationId)
			.setPageSize(PAGE)
			.setPageToken(token)
			.build()), r -> r.getAwardsList(), r -> r.getNextPageToken()));
	}

	public Award award(String commitmentId) {
		return call(() -> stub().getAward(GetAwardRequest.newBuilder().setCommitmentId(commitmentId).build()).getAward());
	}

	/** One page of payment batches, newest first; the token is the service's, opaque. */
	public ListPaymentBatchesResponse batches(int pageSize, String pageToken) {
		return call(() -> stub().listPaymentBatches(ListPaymentBatchesRequest.newBuilder()
			.setPageSize(pageSize)
			.setPageToken(pageToken == null ? "" : pageToken)
			.build()));
	}

	public PaymentBatch batch(String batchId) {
		return call(() -> stub().getPaymentBatch(GetPaymentBatchRequest.newBuilder().setBatchId(batchId).build()).getBatch());
	}

	public PaymentBatch createBatch(String idempotencyKey, List<String> trancheIds) {
		return call(() -> stub().createPaymentBatch(CreatePaymentBatchRequest.newBuilder()
			.setIdempotencyKey(idempotencyKey)
			.addAllTrancheIds(trancheIds)
			.build()).getBatch());
	}

	public PaymentBatch sendBatch(String idempotencyKey, String batchId) {
		return call(() -> stub().sendPaymentBatch(
				SendPaymentBatchRequest.newBuilder().setIdempotencyKey(idempotencyKey).setBatchId(batchId).build())
			.getBatch());
	}

	public PaymentBatch confirmBatch(String idempotencyKey, String batchId, List<BankLineResult> lines) {
		return call(() -> stub().confirmPaymentBatch(ConfirmPaymentBatchRequest.newBuilder()
			.setIdempotencyKey(idempotencyKey)
			.setBatchId(batchId)
			.addAllLines(lines)
			.build()).getBatch());
	}

	public ExportPaymentBatchResponse exportBatch(String batchId, PaymentBatchFileFormat format) {
		return call(() -> stub()
			.exportPaymentBatch(ExportPaymentBatchRequest.newBuilder().setBatchId(batchId).setFormat(format).build()));
	}

	/** Every batch line that carried the tranche, oldest first: the last one holds the bank's latest answer. */
	public GetPaymentStatusResponse paymentStatus(String trancheId) {
		return call(() -> stub().getPaymentStatus(GetPaymentStatusRequest.newBuilder().setTrancheId(trancheId).build()));
	}

	/** One page of recovery demands (追回), newest first. */
	public ListRecoveriesResponse recoveries(int pageSize, String pageToken) {
		return call(() -> stub().listRecoveries(ListRecoveriesRequest.newBuilder()
			.setPageSize(pageSize)
			.setPageToken(pageToken == null ? "" : pageToken)
			.build()));
	}

	/** Every recovery demand (there is no single read; they are few). */
	public List<Recovery> allRecoveries() {
		return call(() -> all(token -> stub().listRecoveries(
				ListRecoveriesRequest.newBuilder().setPageSize(PAGE).setPageToken(token).build()),
				r -> r.getRecoveriesList(), r -> r.getNextPageToken()));
	}

	public Recovery raiseRecovery(String idempotencyKey, String commitmentId, RecoveryReason reason, String explanation,
			long fen, RecoveryMethod method) {
		return call(() -> stub().raiseRecovery(RaiseRecoveryRequest.newBuilder()
			.setIdempotencyKey(idempotencyKey)
			.setCommitmentId(commitmentId)
			.setReason(reason)
			.setExplanation(explanation)
			.setAmount(Money.newBuilder().setCurrencyCode("CNY").setMinorUnits(fen))
			.setMethod(method)
			.build()).getRecovery());
	}

	public Recovery decideRecovery(String idempotencyKey, String recoveryId, boolean approve, String reason) {
		return call(() -> stub().decideRecovery(DecideRecoveryRequest.newBuilder()
			.setIdempotencyKey(idempotencyKey)
			.setRecoveryId(recoveryId)
			.setDecision(approve ? RecoveryDecision.RECOVERY_DECISION_APPROVE : RecoveryDecision.RECOVERY_DECISION_REJECT)
			.setReason(reason == null ? "" : reason)
			.build()).getRecovery());
	}

	public Recovery confirmRepayment(String idempotencyKey, String recoveryId, String bankReference) {
		return call(() -> stub().confirmRecoveryRepayment(ConfirmRecoveryRepaymentRequest.newBuilder()
			.setIdempotencyKey(idempotencyKey)
			.setRecoveryId(recoveryId)
			.setBankReference(bankReference)
			.build()).getRecovery());
	}

	/** Every voucher of the view (funding applies whose: the token's organisation for applicants). */
	public List<Voucher> vouchers(VoucherListView view, String organisationId) {
		return call(() -> all(token -> stub().listVouchers(ListVouchersRequest.newBuilder()
			.setView(view)
			.setOrganisationId(organisationId == null ? "" : organisationId)
			.setPageSize(PAGE)
			.setPageToken(token)
			.build()), r -> r.getVouchersList(), r -> r.getNextPageToken()));
	}

	public Voucher voucher(String voucherId) {
		return call(() -> stub().getVoucher(GetVoucherRequest.newBuilder().setVoucherId(voucherId).build()).getVoucher());
	}

	public Voucher issueVoucher(String idempotencyKey, String enterpriseId, int fiscalYear, long fen) {
		return call(() -> stub().issueVoucher(IssueVoucherRequest.newBuilder()
			.setIdempotencyKey(idempotencyKey)
			.setEnterpriseId(enterpriseId)
			.setFiscalYear(fiscalYear)
			.setAmount(Money.newBuilder().setCurrencyCode("CNY").setMinorUnits(fen))
			.build()).getVoucher());
	}

	/** The holder's enterprise redeems its voucher at a provider against a service contract (price in fen). */
	public Voucher redeemVoucher(String idempotencyKey, String voucherId, String providerId, String contractReference,
			long priceFen) {
		return call(() -> stub().redeemVoucher(RedeemVoucherRequest.newBuilder()
			.setIdempotencyKey(idempotencyKey)
			.setVoucherId(voucherId)
			.setProviderId(providerId)
			.setContractReference(contractReference)
			.setContractPrice(Money.newBuilder().setCurrencyCode("CNY").setMinorUnits(priceFen))
			.build()).getVoucher());
	}

	public Voucher prepareVoucherSettlement(String idempotencyKey, String voucherId, String evidence) {
		return call(() -> stub().prepareVoucherSettlement(PrepareVoucherSettlementRequest.newBuilder()
			.setIdempotencyKey(idempotencyKey)
			.setVoucherId(voucherId)
			.setEvidenceReference(evidence)
			.build()).getVoucher());
	}

	public Voucher decideVoucherSettlement(String idempotencyKey, String voucherId, boolean approve, String reason) {
		return call(() -> stub().decideVoucherSettlement(DecideVoucherSettlementRequest.newBuilder()
			.setIdempotencyKey(idempotencyKey)
			.setVoucherId(voucherId)
			.setDecision(approve ? InstrumentDecision.INSTRUMENT_DECISION_APPROVE
					: InstrumentDecision.INSTRUMENT_DECISION_REJECT)
			.setReason(reason == null ? "" : reason)
			.build()).getVoucher());
	}

	/** A fresh idempotency key for a form: generated when the page is shown, sent back with the submit. */
	public static String newKey() {
		return UUID.randomUUID().toString();
	}

	private FundingServiceGrpc.FundingServiceBlockingStub stub() {
		return this.stub.withDeadlineAfter(DEADLINE_MS, TimeUnit.MILLISECONDS);
	}

	private static <R, T> List<T> all(Function<String, R> page, Function<R, List<T>> rows, Function<R, String> next) {
		return PagedRpcs.all(page, rows, next, "funding-service");
	}

	private static <T> T call(Supplier<T> rpc) {
		try {
			return rpc.get();
		}
		catch (StatusRuntimeException ex) {
			throw ServiceErrors.translate("funding-service", ex);
		}
	}

}
