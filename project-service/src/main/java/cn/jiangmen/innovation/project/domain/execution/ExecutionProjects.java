package cn.jiangmen.innovation.project.domain.execution;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import cn.jiangmen.innovation.project.domain.MilestoneId;
import cn.jiangmen.innovation.project.domain.OrganisationId;
import cn.jiangmen.innovation.project.domain.ProjectId;

/** Approved projects and their planned milestones, as execution reads and moves them. */
public interface ExecutionProjects {

	Optional<ApprovedProject> find(ProjectId id);

	/** The proposal the project was approved from (the consortium and budget of record), if recorded. */
	Optional<java.util.UUID> proposalOf(ProjectId id);

	/** Whether the organisation is a partner in the consortium of record (the proposal, as changes left it). */
	boolean isPartner(ProjectId id, java.util.UUID organisation);

	/** Writes the stage if the project is still at {@code next.version() - 1}. */
	boolean updateStage(ApprovedProject next);

	/** The project's milestones in task-book order. */
	List<PlannedMilestone> milestones(ProjectId id, int offset, int limit);

	Optional<PlannedMilestone> milestone(ProjectId projectId, MilestoneId milestoneId);

	/** Moves a milestone's due date (an approved change request) if its version is still {@code expectedVersion}. */
	boolean updateDueDate(MilestoneId id, LocalDate dueDate, long expectedVersion);

	/** Unaccepted milestones of running projects in the window, earliest first; one organisation's or all. */
	List<DueMilestone> due(DueMilestone.Window window, LocalDate today, Optional<OrganisationId> organisation,
			int offset, int limit);

	/** Approved projects matching the filter, newest approval first (the manager's portfolio); one organisation's or all. */
	List<PortfolioEntry> portfolio(PortfolioEntry.Filter filter, Optional<OrganisationId> organisation, int offset,
			int limit);

}
