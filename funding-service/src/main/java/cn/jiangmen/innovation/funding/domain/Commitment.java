package cn.jiangmen.innovation.funding.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** The recorded answer to a commit-award request: committed, or refused for lack of budget. */
public record Commitment(CommitmentId id, String idempotencyKey, BudgetKey budget, String awardReference,
		UUID recipientOrganisationId, long amountMinor, CommitmentState state, String decidedBy, Instant decidedAt) {

	public Commitment {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(idempotencyKey, "idempotencyKey");
		Objects.requireNonNull(budget, "budget");
		Objects.requireNonNull(awardReference, "awardReference");
		Objects.requireNonNull(recipientOrganisationId, "recipientOrganisationId");
		Objects.requireNonNull(state, "state");
		Objects.requireNonNull(decidedBy, "decidedBy");
		Objects.requireNonNull(decidedAt, "decidedAt");
	}

	/** Decides a request once the budget line has (or has not) taken the amount. */
	public static Commitment decide(CommitAward request, boolean budgetTookIt, String by, Instant now) {
		return new Commitment(CommitmentId.newId(), request.idempotencyKey(), request.budget(),
				request.awardReference(), request.recipientOrganisationId(), request.amountMinor(),
				budgetTookIt ? CommitmentState.COMMITTED : CommitmentState.REFUSED_INSUFFICIENT_BUDGET, by, now);
	}

	/** A retry carries the same content; the same key with other content is a client bug. */
	public boolean isSameRequestAs(CommitAward request) {
		return this.idempotencyKey.equals(request.idempotencyKey()) && this.budget.equals(request.budget())
				&& this.awardReference.equals(request.awardReference())
				&& this.recipientOrganisationId.equals(request.recipientOrganisationId())
				&& this.amountMinor == request.amountMinor();
	}

	/** The ledger transaction that moves the amount from the available budget into commitments. */
	public LedgerTransaction ledgerTransaction() {
		if (this.state != CommitmentState.COMMITTED) {
			throw new IllegalStateException("A refused commitment moves no money");
		}
		return LedgerTransaction.of(this.id.value(), this.decidedAt, "award commitment " + this.awardReference,
				java.util.List.of(LedgerEntry.debit(Accounts.committed(this.budget), this.amountMinor),
						LedgerEntry.credit(Accounts.available(this.budget), this.amountMinor)));
	}

}
