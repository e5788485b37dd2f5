package cn.jiangmen.innovation.funding.domain;

import java.util.Optional;

/**
 * A short-lived copy of first answers (Redis, implemented in persistence) that answers a replay
 * before PostgreSQL is asked. Never the record: {@link IdempotencyRecords} is; a miss, an expired
 * entry or Redis being down only means the replay goes to PostgreSQL.
 */
public interface IdempotencyReplays {

	record Replay(String requestHash, String responseJson) {
	}

	Optional<Replay> find(String key);

	/** Called only after the transaction that recorded the answer committed. */
	void remember(String key, Replay replay);

}
