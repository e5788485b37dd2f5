package cn.jiangmen.innovation.platform.outbox;

import java.time.Instant;
import java.util.UUID;

/**
 * A message to another service, stored with the state change that caused it and relayed later.
 *
 * @param destination the receiving call, one of the constants below
 * @param idempotencyKey sent with the call; the receiver answers a repeated key with its first answer
 * @param payload JSON
 * @param traceparent the W3C trace context of the request that wrote the message, or null; the relay
 * sends the message inside that trace, so the receiver's logs carry the writer's trace id
 */
public record OutboxMessage(UUID id, String destination, String idempotencyKey, String payload, Instant createdAt,
		int attempts, Instant nextAttemptAt, String traceparent) {

	/** talent-service's {@code TalentService.RecordReviewOutcome}. */
	public static final String TALENT_OUTCOME = "talent.RecordReviewOutcome";

	/** review-service's {@code ReviewService.OpenReview}. */
	public static final String REVIEW_OPEN = "review.OpenReview";

	/** A message without a stored trace context ({@link Outbox#add} fills in the current one). */
	public OutboxMessage(UUID id, String destination, String idempotencyKey, String payload, Instant createdAt,
			int attempts, Instant nextAttemptAt) {
		this(id, destination, idempotencyKey, payload, createdAt, attempts, nextAttemptAt, null);
	}

	/** A new message, due at once. */
	public static OutboxMessage pending(String destination, String idempotencyKey, String payload, Instant now) {
		return new OutboxMessage(UUID.randomUUID(), destination, idempotencyKey, payload, now, 0, now, null);
	}

	OutboxMessage withTraceparent(String traceparent) {
		return new OutboxMessage(this.id, this.destination, this.idempotencyKey, this.payload, this.createdAt,
				this.attempts, this.nextAttemptAt, traceparent);
	}

}
