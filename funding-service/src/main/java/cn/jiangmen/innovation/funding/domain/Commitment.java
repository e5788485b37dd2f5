package cn.jiangmen.innovation.funding.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The recorded answer to a commit-award request: committed (its tranches hold pending transfers),
 * or refused for lack of budget. Kept with the request's hash, so retries get the same answer.
 */
public record Commitment(CommitmentId id, String idempotencyKey, BudgetKey budget, String awardReference,
		UUID recipientOrganisationId, long amountMinor, UUID projectId, String requestHash, CommitmentState state,
		String decidedBy, Instant decidedAt) {

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

	/** Decides a request once the budget line has (or has not) taken the whole schedule. */
	public static Commitment decide(CommitmentId id, CommitAward request, boolean budgetTookIt, String by, Instant now) {
		return new Commitment(id, request.idempotencyKey(), request.budget(), request.awardReference(),
				request.recipientOrganisationId(), request.amountMinor(), request.projectId(), request.requestHash(),
				budgetTookIt ? CommitmentState.COMMITTED : CommitmentState.REFUSED_INSUFFICIENT_BUDGET, by, now);
	}

	/** A retry carries the same content; the same key with other content is a client bug. */
	public boolean isSameRequestAs(CommitAward request) {
		if (this.requestHash != null) {
			return this.requestHash.equals(request.requestHash());
		}
		// recorded before schedules existed: one tranche of the whole amount
		return request.tranches().size() == 1 && request.tranches().get(0).plannedDate() == null
				&& this.budget.equals(request.budget()) && this.awardReference.equals(request.awardReference())
				&& this.recipientOrganisationId.equals(request.recipientOrganisationId())
				&& this.amountMinor == request.amountMinor();
	}

}
