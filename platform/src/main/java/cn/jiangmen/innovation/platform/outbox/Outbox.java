package cn.jiangmen.innovation.platform.outbox;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The transactional outbox. {@link #add} joins the caller's business transaction; the relay's
 * methods each run in a short transaction of their own and never hold a lock while a message is
 * sent: a message is claimed with a lease, and its outcome is recorded only by the lease's owner.
 */
public interface Outbox {

	/** Adds the message unless one with the same idempotency key exists. */
	void add(OutboxMessage message);

	/**
	 * Leases at most {@code limit} due messages (unsent, not parked, {@code next_attempt_at <= now},
	 * not leased by anyone else or whose lease ran out), oldest first, to {@code owner} until
	 * {@code leasedUntil}. Rows other relays are claiming at that moment are skipped, not waited for.
	 */
	List<OutboxMessage> claim(Instant now, String owner, Instant leasedUntil, int limit);

	/** Each {@code mark*} returns false, and changes nothing, when {@code owner} no longer holds the lease. */
	boolean markSent(UUID id, String owner, Instant at);

	boolean markFailed(UUID id, String owner, String error, Instant nextAttemptAt);

	/**
	 * Sets a message aside that its receiver refused for good (a dead letter): it is never tried
	 * again unless an operator clears {@code parked_at}.
	 */
	boolean markParked(UUID id, String owner, String error, Instant at);

	/** Messages still to deliver, and messages set aside, for monitoring. */
	Counts counts();

	record Counts(long pending, long parked) {
	}

}
