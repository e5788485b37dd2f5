package cn.jiangmen.innovation.portal.finance;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

import cn.jiangmen.innovation.contracts.common.v1.Money;
import cn.jiangmen.innovation.contracts.funding.v1.Award;
import cn.jiangmen.innovation.contracts.funding.v1.BudgetLine;
import cn.jiangmen.innovation.contracts.funding.v1.BudgetRaise;
import cn.jiangmen.innovation.contracts.funding.v1.BudgetRaiseDecision;
import cn.jiangmen.innovation.contracts.funding.v1.BudgetRaiseState;
import cn.jiangmen.innovation.contracts.funding.v1.DecideBudgetRaiseRequest;
import cn.jiangmen.innovation.contracts.funding.v1.DecideTrancheRequest;
import cn.jiangmen.innovation.contracts.funding.v1.FundingServiceGrpc;
import cn.jiangmen.innovation.contracts.funding.v1.GetAwardRequest;
import cn.jiangmen.innovation.contracts.funding.v1.ListAwardsRequest;
import cn.jiangmen.innovation.contracts.funding.v1.ListBudgetRaisesRequest;
import cn.jiangmen.innovation.contracts.funding.v1.ListBudgetsRequest;
import cn.jiangmen.innovation.contracts.funding.v1.ListTranchesRequest;
import cn.jiangmen.innovation.contracts.funding.v1.OpenBudgetLineRequest;
import cn.jiangmen.innovation.contracts.funding.v1.PrepareBudgetRaiseRequest;
import cn.jiangmen.innovation.contracts.funding.v1.PrepareTrancheRequest;
import cn.jiangmen.innovation.contracts.funding.v1.QueuedTranche;
import cn.jiangmen.innovation.contracts.funding.v1.ScheduledTranche;
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
