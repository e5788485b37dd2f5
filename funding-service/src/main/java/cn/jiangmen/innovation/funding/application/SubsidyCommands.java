package cn.jiangmen.innovation.funding.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import cn.jiangmen.innovation.funding.domain.BudgetKey;
import cn.jiangmen.innovation.funding.domain.Budgets;
import cn.jiangmen.innovation.funding.domain.FundingAccess;
import cn.jiangmen.innovation.funding.domain.instrument.Allowances;
import cn.jiangmen.innovation.funding.domain.instrument.Instrument;
import cn.jiangmen.innovation.funding.domain.instrument.InstrumentAccess;
import cn.jiangmen.innovation.funding.domain.instrument.InterestSubsidyRules;
import cn.jiangmen.innovation.funding.domain.instrument.PostSubsidyRules;
import cn.jiangmen.innovation.funding.domain.ledger.AccountLimit;
import cn.jiangmen.innovation.funding.domain.ledger.Accounts;
import cn.jiangmen.innovation.funding.domain.ledger.Ledger;
import cn.jiangmen.innovation.funding.domain.ledger.Transfer;
import cn.jiangmen.innovation.funding.domain.subsidy.ClaimFilter;
import cn.jiangmen.innovation.funding.domain.subsidy.InstitutionKind;
import cn.jiangmen.innovation.funding.domain.subsidy.InterestSubsidyEvidence;
import cn.jiangmen.innovation.funding.domain.subsidy.LoanInterest;
import cn.jiangmen.innovation.funding.domain.subsidy.PostSubsidyEvidence;
import cn.jiangmen.innovation.funding.domain.subsidy.RecognitionLevel;
import cn.jiangmen.innovation.funding.domain.subsidy.SubsidyClaim;
import cn.jiangmen.innovation.funding.domain.subsidy.SubsidyClaims;
import cn.jiangmen.innovation.platform.audit.Audit;
import cn.jiangmen.innovation.platform.domain.Caller;
import cn.jiangmen.innovation.platform.error.ConflictException;
import cn.jiangmen.innovation.platform.error.InvalidInputException;
import cn.jiangmen.innovation.platform.error.NotFoundException;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Subsidy claims: post-subsidies (后补助) and loan interest subsidies (贷款贴息). The organisation
 * submits with evidence and the amount follows from the year's rule; a program manager reviews
 * (passing commits the amount from the budget as a pending transfer, refusing releases the yearly
 * cap); a finance officer prepares the payment and a different finance approver approves it,
 * posting to the organisation's payable. Idempotent by key; checks in the order 404 → 403 → 400 → 409.
 */
@Service
public class SubsidyCommands {

	static final String OBJECT_TYPE = "subsidy-claim";

	private static final Set<String> BUREAU = Set.of("program-manager", "finance-officer", "finance-approver", "auditor");

	private final SubsidyClaims claims;

	private final InstrumentRuleCommands rules;

	private final Allowances allowances;

	private final Budgets budgets;

	private final Ledger ledger;

	private final IdempotentCommands idempotent;

	private final Audit audit;

	private final Clock clock;

	private final TransactionTemplate transactions;

	public SubsidyCommands(SubsidyClaims claims, InstrumentRuleCommands rules, Allowances allowances, Budgets budgets,
			Ledger ledger, IdempotentCommands idempotent, Audit audit, Clock clock, TransactionTemplate transactions) {
		this.claims = claims;
		this.rules = rules;
		this.allowances = allowances;
		this.budgets = budgets;
		this.ledger = ledger;
		this.idempotent = idempotent;
		this.audit = audit;
		this.clock = clock;
		this.transactions = transactions;
	}

	/** A post-subsidy claim for a newly recognised R&D institution or incubator; the amount is the rule's for the level. */
	public SubsidyClaim submitPostSubsidy(Caller applicant, String key, String keyField, int fiscalYear,
			InstitutionKind kind, RecognitionLevel level, String document, LocalDate recognisedOn) {
		String idempotencyKey = IdempotentCommands.requireKey(key, keyField);
		UUID organisation = ownOrganisation(applicant);
		InstrumentRuleCommands.requireYear(fiscalYear);
		String reference = reference(document, "recognitionDocument");
		String hash = IdempotentCommands.hash(applicant, "post-subsidy.submit",
				fiscalYear + "|" + kind + "|" + level + "|" + reference + "|" + recognisedOn);
		return once(applicant, idempotencyKey, keyField, "post-subsidy.submit", hash, () -> {
			PostSubsidyRules rule = this.rules.inForce(Instrument.POST_SUBSIDY, fiscalYear, PostSubsidyRules.class);
			if (!rule.counts(recognisedOn)) {
				throw new InvalidInputException("recognisedOn", "claim.not-newly-recognised", "must be from "
						+ rule.recognisedFrom() + " to " + rule.recognisedUntil() + " to count as newly recognised in " + fiscalYear);
			}
			Instant now = now();
			SubsidyClaim claim = SubsidyClaim.postSubsidy(organisation, fiscalYear, rule.programCode(), rule.amountFor(level),
					new PostSubsidyEvidence(kind, level, reference, recognisedOn), applicant, now);
			return add(applicant, claim, now);
		});
	}

	/**
	 * An interest-subsidy claim for the interest a loan accrued in the fiscal year: the rule's share,
	 * cut to what is left of the enterprise's yearly cap (taken under the allowance's row lock).
	 */
	public SubsidyClaim submitInterestSubsidy(Caller applicant, String key, String keyField, int fiscalYear,
			String loanContract, String lender, Supplier<LoanInterest.Loan> loanInput) {
		String idempotencyKey = IdempotentCommands.requireKey(key, keyField);
		UUID organisation = ownOrganisation(applicant);
		InstrumentRuleCommands.requireYear(fiscalYear);
		String contract = reference(loanContract, "loanContract");
		String bank = reference(lender, "lender");
		LoanInterest.Loan loan = loanInput.get();
		LoanInterest.Interest interest = LoanInterest.accrued(loan, LocalDate.of(fiscalYear, 1, 1),
				LocalDate.of(fiscalYear + 1, 1, 1));
		if (interest.interestMinor() <= 0) {
			throw new InvalidInputException("drawdownDate", "claim.no-interest-in-year",
					"the loan accrued no interest in " + fiscalYear);
		}
		String hash = IdempotentCommands.hash(applicant, "interest-subsidy.submit",
				fiscalYear + "|" + contract + "|" + bank + "|" + loan);
		return once(applicant, idempotencyKey, keyField, "interest-subsidy.submit", hash, () -> {
			InterestSubsidyRules rule = this.rules.inForce(Instrument.INTEREST_SUBSIDY, fiscalYear, InterestSubsidyRules.class);
			long share = LoanInterest.share(interest.interestMinor(), rule.sharePercent());
			// a zero take locks the allowance row, so what is left of the cap cannot change under us
			this.allowances.take(Instrument.INTEREST_SUBSIDY, organisation, fiscalYear, 0, rule.perEnterpriseCapMinor());
			long used = this.allowances.used(Instrument.INTEREST_SUBSIDY, organisation, fiscalYear);
			long amount = LoanInterest.capped(share, rule.perEnterpriseCapMinor(), used);
			if (amount <= 0 || !this.allowances.take(Instrument.INTEREST_SUBSIDY, organisation, fiscalYear, amount,
					rule.perEnterpriseCapMinor())) {
				throw new ConflictException("claim.cap-exhausted", "The yearly cap of " + rule.perEnterpriseCapMinor()
						+ " fen for " + fiscalYear + " is used up (" + used + " fen granted)");
			}
			Instant now = now();
			SubsidyClaim claim = SubsidyClaim.interestSubsidy(organisation, fiscalYear, rule.programCode(), amount,
					new InterestSubsidyEvidence(contract, bank, loan.principalMinor(), loan.annualRatePercent(),
							loan.drawdown(), loan.repayments(), interest.interestMinor(), rule.sharePercent(), share),
					applicant, now);
			return add(applicant, claim, now);
		});
	}

	/** A program manager passes the review (committing the amount from the budget) or refuses with a reason. */
	public SubsidyClaim review(Caller manager, String key, String keyField, String claimId, boolean pass, String reason) {
		String idempotencyKey = IdempotentCommands.requireKey(key, keyField);
		SubsidyClaim.Id id = SubsidyClaim.Id.parse(claimId, "claimId");
		readable(manager, id);
		if (!InstrumentAccess.mayManage(manager)) {
			throw new AccessDeniedException("Only program managers review subsidy claims");
		}
		String hash = IdempotentCommands.hash(manager, "subsidy-claim.review", id + "|" + pass + "|" + reason);
		return once(manager, idempotencyKey, keyField, "subsidy-claim.review", hash, () -> {
			SubsidyClaim current = this.claims.lock(id).orElseThrow(() -> new NotFoundException("Subsidy claim", id));
			Instant now = now();
			SubsidyClaim reviewed;
			if (pass) {
				UUID pending = UUID.randomUUID();
				reviewed = current.passReview(manager, reason, pending, now);
				commit(reviewed, pending, now);
			}
			else {
				reviewed = current.refuse(manager, reason, now);
				if (current.instrument() == Instrument.INTEREST_SUBSIDY) {
					this.allowances.giveBack(Instrument.INTEREST_SUBSIDY, current.organisationId(), current.fiscalYear(),
							current.amountMinor());
				}
			}
			return store(manager, current, reviewed, pass ? "subsidy-claim.reviewed" : "subsidy-claim.refused", now);
		});
	}

	/** A finance officer (经办) prepares the payment of a reviewed claim. */
	public SubsidyClaim preparePayment(Caller maker, String key, String keyField, String claimId) {
		String idempotencyKey = IdempotentCommands.requireKey(key, keyField);
		SubsidyClaim.Id id = SubsidyClaim.Id.parse(claimId, "claimId");
		readable(maker, id);
		if (!FundingAccess.isMaker(maker)) {
			throw new AccessDeniedException("Only finance officers prepare subsidy payments");
		}
		String hash = IdempotentCommands.hash(maker, "subsidy-claim.prepare", id.toString());
		return once(maker, idempotencyKey, keyField, "subsidy-claim.prepare", hash, () -> {
			SubsidyClaim current = this.claims.lock(id).orElseThrow(() -> new NotFoundException("Subsidy claim", id));
			Instant now = now();
			return store(maker, current, current.preparePayment(maker, now), "subsidy-claim.payment-prepared", now);
		});
	}

	/** A finance approver other than the maker (四眼原则) approves, making the amount payable, or rejects. */
	public SubsidyClaim decidePayment(Caller checker, String key, String keyField, String claimId, boolean approve,
			String reason) {
		String idempotencyKey = IdempotentCommands.requireKey(key, keyField);
		SubsidyClaim.Id id = SubsidyClaim.Id.parse(claimId, "claimId");
		String hash = IdempotentCommands.hash(checker, "subsidy-claim.decide", id + "|" + approve + "|" + reason);
		return once(checker, idempotencyKey, keyField, "subsidy-claim.decide", hash, () -> {
			readable(checker, id);
			SubsidyClaim current = this.claims.lock(id).orElseThrow(() -> new NotFoundException("Subsidy claim", id));
			if (!checker.hasRole("finance-approver")) {
				throw new AccessDeniedException("Only finance approvers decide subsidy payments");
			}
			if (current.preparedBy() != null && !FundingAccess.mayDecide(checker, current.preparedBy().subject())) {
				throw new AccessDeniedException("The maker of a payment can never decide it: four eyes (四眼原则)");
			}
			Instant now = now();
			SubsidyClaim decided = current.decidePayment(checker, approve, reason, now);
			if (approve) {
				postToPayable(decided, now);
			}
			return store(checker, current, decided, approve ? "subsidy-claim.approved" : "subsidy-claim.payment-rejected",
					now);
		});
	}

	public SubsidyClaim find(Caller caller, String claimId) {
		return readable(caller, SubsidyClaim.Id.parse(claimId, "claimId"));
	}

	/**
	 * Bureau staff see every claim (or one organisation's); an applicant their organisation's only
	 * (naming another is refused); anybody else is refused.
	 */
	public List<SubsidyClaim> list(Caller caller, ClaimFilter filter, String organisationId, int offset, int limit) {
		UUID organisation = organisationId == null || organisationId.isBlank() ? null
				: VoucherCommands.uuid(organisationId, "organisationId");
		if (!caller.hasAnyRole(BUREAU)) {
			UUID own = ownOrganisation(caller);
			if (organisation != null && !organisation.equals(own)) {
				throw new AccessDeniedException("An applicant lists their own organisation's claims only");
			}
			organisation = own;
		}
		if (filter.fiscalYear() != null) {
			InstrumentRuleCommands.requireYear(filter.fiscalYear());
		}
		return this.claims.list(filter.forOrganisation(organisation), offset, limit);
	}

	private SubsidyClaim add(Caller applicant, SubsidyClaim claim, Instant now) {
		if (!this.claims.add(claim)) {
			throw new ConflictException("claim.evidence-claimed",
					"This recognition document or loan contract is already claimed for " + claim.fiscalYear());
		}
		this.audit.record(applicant.username(), now, "subsidy-claim.submitted", OBJECT_TYPE, claim.id(), null,
				snapshot(claim));
		return claim;
	}

	private void commit(SubsidyClaim claim, UUID pendingId, Instant now) {
		BudgetKey budget = new BudgetKey(claim.programCode(), claim.fiscalYear());
		if (this.budgets.find(budget).isEmpty()) {
			throw new ConflictException("budget.missing", "No budget line " + budget + " to commit the subsidy from");
		}
		String commitment = Accounts.commitment(budget);
		this.ledger.open(commitment, "COMMITMENT", AccountLimit.DEBITS_MUST_NOT_EXCEED_CREDITS);
		Transfer pending = Transfer.pending(pendingId, Accounts.appropriation(budget), commitment, claim.amountMinor(),
				claim.instrument().name().toLowerCase() + " claim " + claim.id(), now);
		if (!this.ledger.apply(List.of(pending))) {
			throw new ConflictException("budget.insufficient",
					"The budget line " + budget + " has less than " + claim.amountMinor() + " fen available");
		}
	}

	private void postToPayable(SubsidyClaim claim, Instant now) {
		Transfer pending = this.ledger.transfer(claim.pendingTransferId()).orElseThrow();
		String payable = Accounts.payable(claim.organisationId());
		this.ledger.open(payable, "PAYABLE", AccountLimit.DEBITS_MUST_NOT_EXCEED_CREDITS);
		boolean applied = this.ledger.apply(List.of(Transfer.post(pending, "subsidy claim " + claim.id() + " approved", now),
				Transfer.single(pending.creditAccount(), payable, pending.amountMinor(),
						"payable for subsidy claim " + claim.id(), now)));
		if (!applied) {
			throw new IllegalStateException("A posted subsidy commitment always covers its payable: " + claim.id());
		}
	}

	private SubsidyClaim store(Caller actor, SubsidyClaim before, SubsidyClaim after, String action, Instant now) {
		if (!this.claims.update(after)) {
			throw new ConflictException("claim.changed", "The claim was changed meanwhile; reload and try again");
		}
		this.audit.record(actor.username(), now, action, OBJECT_TYPE, after.id(), snapshot(before), snapshot(after));
		return this.claims.find(after.id()).orElseThrow();
	}

	private SubsidyClaim once(Caller caller, String key, String keyField, String operation, String hash,
			Supplier<SubsidyClaim> command) {
		return this.transactions.execute(
				tx -> this.idempotent.once(caller, key, keyField, operation, hash, SubsidyClaim.class, command));
	}

	private SubsidyClaim readable(Caller caller, SubsidyClaim.Id id) {
		SubsidyClaim claim = this.claims.find(id).orElseThrow(() -> new NotFoundException("Subsidy claim", id));
		if (!InstrumentAccess.mayRead(caller, claim.organisationId())) {
			throw new NotFoundException("Subsidy claim", id);
		}
		return claim;
	}

	private static UUID ownOrganisation(Caller caller) {
		return caller.organisationId()
			.filter(o -> caller.hasRole("applicant"))
			.orElseThrow(() -> new AccessDeniedException("Only an applicant acting for an organisation claims subsidies"));
	}

	private static String reference(String text, String field) {
		String value = text == null ? "" : text.strip();
		if (value.isEmpty()) {
			throw new InvalidInputException(field, "required", "must be given");
		}
		if (value.length() > 200) {
			throw new InvalidInputException(field, "too-long", "must be at most 200 characters");
		}
		return value;
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	private static Map<String, Object> snapshot(SubsidyClaim c) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("instrument", c.instrument().name());
		state.put("state", c.state().name());
		state.put("organisationId", c.organisationId().toString());
		state.put("fiscalYear", c.fiscalYear());
		state.put("amountMinor", c.amountMinor());
		return state;
	}

}
