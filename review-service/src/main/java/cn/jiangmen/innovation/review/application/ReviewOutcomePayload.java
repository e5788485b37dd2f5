package cn.jiangmen.innovation.review.application;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonAlias;

import cn.jiangmen.innovation.review.domain.FinalRanking;
import cn.jiangmen.innovation.review.domain.ReviewItem;

/**
 * The outbox payload of a confirmed outcome for the owning service (talent or project): the item in
 * the owner's terms, its rank, final score and whether it passed every criterion's threshold.
 * Messages written before this record named the item {@code applicationId}; they are still read.
 */
public record ReviewOutcomePayload(@JsonAlias("applicationId") String itemId, String reviewItemId, int rank, int finalScoreHundredths,
		boolean passedThresholds, Instant confirmedAt) {

	/** The outbox destination of an outcome for project-service ({@code ProjectService.RecordProposalReviewOutcome}). */
	public static final String PROJECT_OUTCOME = "project.RecordProposalReviewOutcome";

	/**
	 * The outbox destination of the outcome of a mid-term check or final acceptance
	 * ({@code ProjectService.RecordCheckRoundOutcome}); the item id is project-service's check round.
	 */
	public static final String CHECK_OUTCOME = "project.RecordCheckRoundOutcome";

	static ReviewOutcomePayload of(ReviewItem item, FinalRanking.Outcome outcome, Instant confirmedAt) {
		return new ReviewOutcomePayload(item.itemId().toString(), item.id().toString(), outcome.rank(),
				outcome.finalHundredths(), outcome.passedThresholds(), confirmedAt);
	}

}
