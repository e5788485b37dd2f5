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

	/** The committed award of a project of project-service (its newest, should there be more). */
	Optional<Commitment> committedForProject(java.util.UUID projectId);

	void add(Commitment commitment);

	/** Committed awards, newest first: of one beneficiary, or of all when {@code recipient} is null. */
	java.util.List<Commitment> committed(java.util.UUID recipient, int offset, int limit);

	java.util.List<Commitment> findAll(java.util.Collection<CommitmentId> ids);

	/** The beneficiaries' names recorded with the awards; awards without one are absent. */
	java.util.Map<CommitmentId, String> beneficiaryNames(java.util.Collection<CommitmentId> ids);

	/** Records the beneficiary's name the awarding service sent (kept as first sent). */
	void nameBeneficiary(CommitmentId id, String name);

}
