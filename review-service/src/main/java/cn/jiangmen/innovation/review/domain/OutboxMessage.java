package cn.jiangmen.innovation.review.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * A message to another service, stored with the state change that caused it and relayed later.
 *
 * @param destination e.g. {@code talent.RecordReviewOutcome}
 * @param payload JSON
 */
public record OutboxMessage(UUID id, String destination, String idempotencyKey, String payload, Instant createdAt,
		int attempts, Instant nextAttemptAt) {

	public static final String TALENT_OUTCOME = "talent.RecordReviewOutcome";

}
