package cn.jiangmen.innovation.funding.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * The first answer to each command's idempotency key, with a hash of what was asked (Stripe's
 * rule: a retry gets the first answer, the same key with other content is refused). PostgreSQL
 * is the record (implemented in persistence).
 */
public interface IdempotencyRecords {

	record Entry(String key, String operation, String requestHash, String responseJson, String callerSubject,
			Instant at) {
	}

	/** Serialises work on one key until the transaction ends. */
	void lock(String key);

	Optional<Entry> find(String key);

	void add(Entry entry);

}
