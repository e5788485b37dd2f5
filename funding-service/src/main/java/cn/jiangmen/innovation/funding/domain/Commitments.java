package cn.jiangmen.innovation.funding.domain;

import java.util.Optional;

/** Recorded commitments (implemented in persistence). */
public interface Commitments {

	/**
	 * Serialises work on one idempotency key until the surrounding transaction ends, so that two
	 * concurrent requests with the same key cannot both commit money.
	 */
	void lockKey(String idempotencyKey);

	Optional<Commitment> findByIdempotencyKey(String idempotencyKey);

	Optional<Commitment> find(CommitmentId id);

	void add(Commitment commitment);

}
