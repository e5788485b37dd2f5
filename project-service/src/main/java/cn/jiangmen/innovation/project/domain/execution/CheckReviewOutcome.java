package cn.jiangmen.innovation.project.domain.execution;

import java.time.Instant;
import java.util.UUID;

/**
 * The panel's outcome of a check round as review-service reported it, kept by idempotency key: a
 * redelivery with the same content gets the first answer, the key for other content is refused.
 */
public record CheckReviewOutcome(UUID checkRoundId, String reviewItemId, int rank, int finalScoreHundredths,
		boolean passedThresholds, Instant confirmedAt) {
}
