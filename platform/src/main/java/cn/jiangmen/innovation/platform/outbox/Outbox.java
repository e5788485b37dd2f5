package cn.jiangmen.innovation.platform.outbox;

import java.time.Instant;
import java.util.List;

/** The transactional outbox. */
public interface Outbox {

	/** Adds the message unless one with the same idempotency key exists. */
	void add(OutboxMessage message);

	/** Unsent messages due at {@code now}, oldest first, locked for this relay (skip locked). */
	List<OutboxMessage> claimDue(Instant now, int limit);

	void markSent(java.util.UUID id, Instant at);

	void markFailed(java.util.UUID id, String error, Instant nextAttemptAt);

	/**
	 * Sets a message aside that its receiver refused for good (a dead letter): it is never tried
	 * again unless an operator clears {@code parked_at}.
	 */
	void markParked(java.util.UUID id, String error, Instant at);

	/** Messages still to deliver, and messages set aside, for monitoring. */
	Counts counts();

	record Counts(long pending, long parked) {
	}

}
