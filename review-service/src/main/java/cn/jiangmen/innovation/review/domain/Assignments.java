package cn.jiangmen.innovation.review.domain;

import java.util.List;
import java.util.Optional;

/** Assignments with their individual reviews. */
public interface Assignments {

	void add(Assignment assignment);

	Optional<Assignment> find(AssignmentId id);

	Optional<Assignment> find(ReviewItemId item, ExpertId expert);

	/**
	 * Saves a change made to {@code changed} (read at {@code changed.version()}); fails with a
	 * conflict when someone else saved meanwhile. Returns the stored value with its new version.
	 */
	Assignment update(Assignment changed);

	void delete(AssignmentId id);

	List<Assignment> forRound(RoundId round);

	List<Assignment> forExpert(ExpertId expert);

}
