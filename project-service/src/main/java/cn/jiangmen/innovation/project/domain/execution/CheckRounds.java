package cn.jiangmen.innovation.project.domain.execution;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import cn.jiangmen.innovation.project.domain.ProjectId;

/** Mid-term and final acceptance rounds, and recovery cases of failed projects. */
public interface CheckRounds {

	/** False when the project already has an unfinished round. */
	boolean add(CheckRound round);

	Optional<CheckRound> find(ProjectId projectId, UUID id);

	/** A round by its id alone: review-service knows the round, not the project. */
	Optional<CheckRound> find(UUID id);

	/** False when the key is taken (by this outcome earlier, or by another). */
	boolean claim(String idempotencyKey, CheckReviewOutcome outcome, java.time.Instant now);

	Optional<CheckReviewOutcome> reviewOutcome(String idempotencyKey);

	boolean update(CheckRound next);

	/** Newest first. */
	List<CheckRound> of(ProjectId projectId);

	void add(FundRecoveryCase recovery);

	Optional<FundRecoveryCase> recovery(ProjectId projectId);

}
