package cn.jiangmen.innovation.funding.application;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import cn.jiangmen.innovation.funding.domain.BudgetKey;
import cn.jiangmen.innovation.funding.domain.BudgetRaise;
import cn.jiangmen.innovation.funding.domain.BudgetRaises;
import cn.jiangmen.innovation.funding.domain.Budgets;
import cn.jiangmen.innovation.funding.domain.CnyAmount;
import cn.jiangmen.innovation.funding.domain.FundingAccess;
import cn.jiangmen.innovation.funding.domain.ledger.AccountLimit;
import cn.jiangmen.innovation.funding.domain.ledger.Accounts;
import cn.jiangmen.innovation.funding.domain.ledger.Ledger;
import cn.jiangmen.innovation.funding.domain.ledger.Transfer;
import cn.jiangmen.innovation.platform.audit.Audit;
import cn.jiangmen.innovation.platform.domain.Caller;
import cn.jiangmen.innovation.platform.error.ConflictException;
import cn.jiangmen.innovation.platform.error.FieldViolation;
import cn.jiangmen.innovation.platform.error.InvalidInputException;
import cn.jiangmen.innovation.platform.error.NotFoundException;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Budget lines per program code and fiscal year, and their raises under four eyes: a finance
 * officer prepares, a different finance approver approves (posted treasury → appropriation) or
 * rejects. One transaction per use case with its audit record; idempotent by key.
 */
@Service
public class BudgetCommands {

	/** Program codes are reference data (talent, each project field, vouchers, post-subsidies...): a slug. */
	static final Pattern PROGRAM_CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

	private final Budgets budgets;

	private final BudgetRaises raises;

	private final Ledger ledger;

	private final IdempotentCommands idempotent;

	private final Audit audit;

	private final Clock clock;

	public BudgetCommands(Budgets budgets, BudgetRaises raises, Ledger ledger, IdempotentCommands idempotent,
			Audit audit, Clock clock) {
		this.budgets = budgets;
		this.raises = raises;
		this.ledger = ledger;
		this.idempotent = idempotent;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	public BudgetKey create(Caller maker, String key, String keyField, String programCode, Integer fiscalYear) {
		if (!FundingAccess.isMaker(maker)) {
			throw new AccessDeniedException("Only finance officers open budget lines");
		}
		String idempotencyKey = IdempotentCommands.requireKey(key, keyField);
		BudgetKey budget = budgetKey(programCode, fiscalYear);
		String hash = IdempotentCommands.hash(maker, "budget.create", budget.toString());
		return this.idempotent.once(maker, idempotencyKey, keyField, "budget.create", hash, BudgetKey.class, () -> {
			if (!this.budgets.create(budget)) {
				throw new ConflictException("budget.exists", "The budget line " + budget + " exists already");
			}
			this.ledger.open(Accounts.TREASURY, "TREASURY", AccountLimit.NONE);
			this.ledger.open(Accounts.appropriation(budget), "APPROPRIATION", AccountLimit.DEBITS_MUST_NOT_EXCEED_CREDITS);
			this.ledger.open(Accounts.commitment(budget), "COMMITMENT", AccountLimit.DEBITS_MUST_NOT_EXCEED_CREDITS);
			this.audit.record(maker.username(), now(), "budget.created", "budget", budget, null, Map.of("budget", budget.toString()));
			return budget;
		});
	}

	@Transactional
	public BudgetRaise prepareRaise(Caller maker, String key, String keyField, String programCode, int fiscalYear,
			String amountYuan, String currency) {
		BudgetKey budget = new BudgetKey(programCode, fiscalYear);
		if (this.budgets.find(budget).isEmpty()) {
			throw new NotFoundException("Budget", budget);
		}
		if (!FundingAccess.isMaker(maker)) {
			throw new AccessDeniedException("Only finance officers prepare budget raises");
		}
		String idempotencyKey = IdempotentCommands.requireKey(key, keyField);
		List<FieldViolation> violations = new ArrayList<>();
		long amount = CnyAmount.ofYuan(amountYuan, currency, "amount", violations);
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		return prepare(maker, idempotencyKey, keyField, budget, amount);
	}

	/** The same use case from gRPC: the amount in fen ({@code common.v1.Money}), named {@code amount}. */
	@Transactional
	public BudgetRaise prepareRaiseInFen(Caller maker, String key, String keyField, String programCode, int fiscalYear,
			String currency, Long minorUnits) {
		BudgetKey budget = new BudgetKey(programCode, fiscalYear);
		if (this.budgets.find(budget).isEmpty()) {
			throw new NotFoundException("Budget", budget);
		}
		if (!FundingAccess.isMaker(maker)) {
			throw new AccessDeniedException("Only finance officers prepare budget raises");
		}
		String idempotencyKey = IdempotentCommands.requireKey(key, keyField);
		List<FieldViolation> violations = new ArrayList<>();
		long amount = CnyAmount.ofMinor(currency, minorUnits, "amount", violations);
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		return prepare(maker, idempotencyKey, keyField, budget, amount);
	}

	private BudgetRaise prepare(Caller maker, String idempotencyKey, String keyField, BudgetKey budget, long amount) {
		String hash = IdempotentCommands.hash(maker, "budget.raise", budget + "|" + amount);
		return this.idempotent.once(maker, idempotencyKey, keyField, "budget.raise", hash, BudgetRaise.class, () -> {
			BudgetRaise raise = BudgetRaise.prepare(budget, amount, maker, now());
			this.raises.add(raise);
			this.audit.record(maker.username(), raise.preparedAt(), "budget-raise.prepared", "budget-raise", raise.id(),
					null, Map.of("budget", budget.toString(), "amountMinor", amount));
			return raise;
		});
	}

	@Transactional
	public BudgetRaise decideRaise(Caller checker, String key, String keyField, String raiseId, boolean approve,
			String reason) {
		BudgetRaise.Id id;
		try {
			id = new BudgetRaise.Id(UUID.fromString(raiseId));
		}
		catch (IllegalArgumentException ex) {
			throw new NotFoundException("Budget raise", raiseId);
		}
		BudgetRaise raise = this.raises.find(id).orElseThrow(() -> new NotFoundException("Budget raise", raiseId));
		if (!FundingAccess.mayDecide(checker, raise.preparedBy().subject())) {
			throw new AccessDeniedException("A different finance approver decides a raise: four eyes (四眼原则)");
		}
		String idempotencyKey = IdempotentCommands.requireKey(key, keyField);
		String hash = IdempotentCommands.hash(checker, "budget.raise.decide", id + "|" + approve + "|" + reason);
		return this.idempotent.once(checker, idempotencyKey, keyField, "budget.raise.decide", hash, BudgetRaise.class, () -> {
			BudgetRaise current = this.raises.find(id).orElseThrow();
			BudgetRaise decided = current.decide(checker, approve, reason, now());
			if (approve) {
				this.ledger.apply(List.of(Transfer.single(Accounts.TREASURY, Accounts.appropriation(current.budget()),
						current.amountMinor(), "budget raise " + id, decided.decidedAt())));
			}
			if (!this.raises.update(decided)) {
				throw new ConflictException("budget-raise.changed", "The raise was decided meanwhile");
			}
			this.audit.record(checker.username(), decided.decidedAt(), approve ? "budget-raise.approved" : "budget-raise.rejected",
					"budget-raise", id, Map.of("state", current.state().name()), Map.of("state", decided.state().name()));
			return decided;
		});
	}

	private static BudgetKey budgetKey(String programCode, Integer fiscalYear) {
		List<FieldViolation> violations = new ArrayList<>();
		String code = programCode == null ? "" : programCode.strip();
		if (!PROGRAM_CODE.matcher(code).matches()) {
			violations.add(new FieldViolation("programCode", "program-code.malformed",
					"must be lower-case letters, digits and dashes, at most 64"));
		}
		if (fiscalYear == null || fiscalYear < 2000 || fiscalYear > 2100) {
			violations.add(new FieldViolation("fiscalYear", "range", "must be a year between 2000 and 2100"));
		}
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		return new BudgetKey(code, fiscalYear);
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

}
