package cn.jiangmen.innovation.project.application.execution;

import java.util.List;

/**
 * The outbox payload of a check round's hand-off to review-service (as {@code ProposalReviewPayload}
 * for proposals): the round is the item, its kind picks the check rubric, the field matches experts
 * and every organisation of the consortium goes along for conflict detection.
 *
 * @param itemKind {@code MID_TERM_CHECK} or {@code FINAL_ACCEPTANCE}
 */
public record CheckRoundReviewPayload(String checkRoundId, String itemKind, String title, List<String> fieldCodes,
		List<String> organisationIds, List<String> organisationNames, String openedAt) {

	/** The outbox destination: review-service's {@code OpenReview} with the item kind of a check. */
	public static final String DESTINATION = "review.OpenCheckRoundReview";

	public CheckRoundReviewPayload {
		fieldCodes = List.copyOf(fieldCodes);
		organisationIds = List.copyOf(organisationIds);
		organisationNames = List.copyOf(organisationNames);
	}

	/** Stable per round, so a resent hand-off opens the review once. */
	public static String keyOf(java.util.UUID checkRoundId) {
		return "project-check-round-review:" + checkRoundId;
	}

}
