package cn.jiangmen.innovation.funding.grpc;

import java.util.List;

import cn.jiangmen.innovation.contracts.funding.v1.BudgetLine;
import cn.jiangmen.innovation.contracts.funding.v1.BudgetRaiseDecision;
import cn.jiangmen.innovation.contracts.funding.v1.BudgetRaiseState;
import cn.jiangmen.innovation.contracts.funding.v1.DecideBudgetRaiseRequest;
import cn.jiangmen.innovation.contracts.funding.v1.DecideBudgetRaiseResponse;
import cn.jiangmen.innovation.contracts.funding.v1.ListBudgetRaisesRequest;
import cn.jiangmen.innovation.contracts.funding.v1.ListBudgetRaisesResponse;
import cn.jiangmen.innovation.contracts.funding.v1.ListBudgetsRequest;
import cn.jiangmen.innovation.contracts.funding.v1.ListBudgetsResponse;
import cn.jiangmen.innovation.contracts.funding.v1.OpenBudgetLineRequest;
import cn.jiangmen.innovation.contracts.funding.v1.OpenBudgetLineResponse;
import cn.jiangmen.innovation.contracts.funding.v1.PrepareBudgetRaiseRequest;
import cn.jiangmen.innovation.contracts.funding.v1.PrepareBudgetRaiseResponse;
import cn.jiangmen.innovation.funding.application.BudgetCommands;
import cn.jiangmen.innovation.funding.application.BudgetQueries;
import cn.jiangmen.innovation.funding.domain.Budget;
import cn.jiangmen.innovation.funding.domain.BudgetKey;
import cn.jiangmen.innovation.funding.domain.BudgetRaise;
import cn.jiangmen.innovation.platform.domain.Caller;
import cn.jiangmen.innovation.platform.error.InvalidInputException;
import cn.jiangmen.innovation.platform.paging.PageRequest;
import cn.jiangmen.innovation.platform.security.Callers;

import org.springframework.stereotype.Component;

/** Budget lines and their raises over gRPC: the same use cases as REST's {@code /api/funding/budgets}. */
@Component
class BudgetRpcs {

	private static final String KEY = "idempotency_key";

	private final BudgetQueries queries;

	private final BudgetCommands commands;

	BudgetRpcs(BudgetQueries queries, BudgetCommands commands) {
		this.queries = queries;
		this.commands = commands;
	}

	ListBudgetsResponse list(ListBudgetsRequest request) {
		PageRequest page = ListPages.of(request.getPageSize(), request.getPageToken());
		List<Budget> lines = this.queries.page(Callers.current(), request.getFiscalYear() == 0 ? null : request.getFiscalYear(),
				page);
		return ListBudgetsResponse.newBuilder()
			.addAllBudgets(lines.stream().map(BudgetRpcs::line).toList())
			.setNextPageToken(page.nextToken(lines.size()))
			.build();
	}

	OpenBudgetLineResponse open(OpenBudgetLineRequest request) {
		Caller caller = Callers.current();
		BudgetKey key = this.commands.create(caller, request.getIdempotencyKey(), KEY, request.getProgramCode(),
				request.getFiscalYear() == 0 ? null : request.getFiscalYear());
		return OpenBudgetLineResponse.newBuilder().setBudget(line(this.queries.one(caller, key))).build();
	}

	PrepareBudgetRaiseResponse prepare(PrepareBudgetRaiseRequest request) {
		Caller caller = Callers.current();
		BudgetRaise raise = this.commands.prepareRaiseInFen(caller, request.getIdempotencyKey(), KEY,
				request.getProgramCode(), request.getFiscalYear(),
				request.hasAmount() ? request.getAmount().getCurrencyCode() : null,
				request.hasAmount() ? request.getAmount().getMinorUnits() : null);
		return PrepareBudgetRaiseResponse.newBuilder().setRaise(raise(raise, caller)).build();
	}

	DecideBudgetRaiseResponse decide(DecideBudgetRaiseRequest request) {
		if (request.getDecision() != BudgetRaiseDecision.BUDGET_RAISE_DECISION_APPROVE
				&& request.getDecision() != BudgetRaiseDecision.BUDGET_RAISE_DECISION_REJECT) {
			throw new InvalidInputException("decision", "required", "must be APPROVE or REJECT");
		}
		Caller caller = Callers.current();
		BudgetRaise decided = this.commands.decideRaise(caller, request.getIdempotencyKey(), KEY, request.getRaiseId(),
				request.getDecision() == BudgetRaiseDecision.BUDGET_RAISE_DECISION_APPROVE, request.getReason());
		return DecideBudgetRaiseResponse.newBuilder().setRaise(raise(decided, caller)).build();
	}

	ListBudgetRaisesResponse raises(ListBudgetRaisesRequest request) {
		PageRequest page = ListPages.of(request.getPageSize(), request.getPageToken());
		Caller caller = Callers.current();
		BudgetRaise.State state = switch (request.getState()) {
			case BUDGET_RAISE_STATE_PREPARED -> BudgetRaise.State.PREPARED;
			case BUDGET_RAISE_STATE_APPROVED -> BudgetRaise.State.APPROVED;
			case BUDGET_RAISE_STATE_REJECTED -> BudgetRaise.State.REJECTED;
			default -> null;
		};
		List<BudgetRaise> found = this.queries.raises(caller, state, page);
		return ListBudgetRaisesResponse.newBuilder()
			.addAllRaises(found.stream().map(r -> raise(r, caller)).toList())
			.setNextPageToken(page.nextToken(found.size()))
			.build();
	}

	static BudgetLine line(Budget b) {
		return BudgetLine.newBuilder()
			.setProgramCode(b.key().programCode())
			.setFiscalYear(b.key().fiscalYear())
			.setAppropriated(ListPages.fen(b.appropriatedMinor()))
			.setPending(ListPages.fen(b.pendingMinor()))
			.setPosted(ListPages.fen(b.postedMinor()))
			.setAvailable(ListPages.fen(b.availableMinor()))
			.build();
	}

	static cn.jiangmen.innovation.contracts.funding.v1.BudgetRaise raise(BudgetRaise r, Caller caller) {
		return cn.jiangmen.innovation.contracts.funding.v1.BudgetRaise.newBuilder()
			.setRaiseId(r.id().toString())
			.setProgramCode(r.budget().programCode())
			.setFiscalYear(r.budget().fiscalYear())
			.setAmount(ListPages.fen(r.amountMinor()))
			.setState(BudgetRaiseState.valueOf("BUDGET_RAISE_STATE_" + r.state().name()))
			.setPreparedBy(r.preparedBy().username())
			.setDecidedBy(r.decidedBy() == null ? "" : r.decidedBy().username())
			.setDecisionReason(r.decisionReason() == null ? "" : r.decisionReason())
			.setPreparedByCaller(r.preparedBy().subject().equals(caller.subject()))
			.setPreparedAt(r.preparedAt() == null ? "" : r.preparedAt().toString())
			.build();
	}

}
