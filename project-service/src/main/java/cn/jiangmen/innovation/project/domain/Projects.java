package cn.jiangmen.innovation.project.domain;

import java.util.Optional;

/** The store of projects and their milestones (implemented in persistence). */
public interface Projects {

	Optional<Project> find(ProjectId id);

	/** The milestone, if it exists and belongs to that project. */
	Optional<Milestone> findMilestone(ProjectId projectId, MilestoneId milestoneId);

	/**
	 * Writes {@code next} if the stored milestone is still at {@code next.version() - 1}; false
	 * when someone else changed it first.
	 */
	boolean updateMilestone(Milestone next);

}
