package cn.jiangmen.innovation.platform.outbox;

import java.time.Instant;
import java.util.UUID;

/**
 * A message to another service, stored with the state change that caused it and relayed later.
 *
 * @param destination the receiving call, one of the constants below
 * @param idempotencyKey sent with the call; the receiver answers a repeated key with its first answer
 * @param payload JSON
 */
public record OutboxMessage(UUID id, String destination, String idempotencyKey, String payload, Instant createdAt,
		int attempts, Instant nextAttemptAt) {

	/** talent-service's {@code TalentService.RecordReviewOutcome}. */
	public static final String TALENT_OUTCOME = "talent.RecordReviewOutcome";

	/** review-service's {@code ReviewService.OpenReview}. */
	public static final String REVIEW_OPEN = "review.OpenReview";

	/** A new message, due at once. */
	public static OutboxMessage pending(String destination, String idempotencyKey, String payload, Instant now) {
		return new OutboxMessage(UUID.randomUUID(), destination, idempotencyKey, payload, now, 0, now);
	}

}
