package cn.jiangmen.innovation.project.application.execution;

import java.util.List;
import java.util.Optional;

import cn.jiangmen.innovation.platform.domain.Caller;
import cn.jiangmen.innovation.platform.error.NotFoundException;
import cn.jiangmen.innovation.platform.paging.PageRequest;
import cn.jiangmen.innovation.project.domain.MilestoneId;
import cn.jiangmen.innovation.project.domain.OrganisationId;
import cn.jiangmen.innovation.project.domain.ProjectAccess;
import cn.jiangmen.innovation.project.domain.ProjectId;
import cn.jiangmen.innovation.project.domain.execution.ApprovedProject;
import cn.jiangmen.innovation.project.domain.execution.ChangeRequest;
import cn.jiangmen.innovation.project.domain.execution.ChangeRequests;
import cn.jiangmen.innovation.project.domain.execution.CheckRound;
import cn.jiangmen.innovation.project.domain.execution.CheckRounds;
import cn.jiangmen.innovation.project.domain.execution.DueMilestone;
import cn.jiangmen.innovation.project.domain.execution.ExecutionProjects;
import cn.jiangmen.innovation.project.domain.execution.FundRecoveryCase;
import cn.jiangmen.innovation.project.domain.execution.KpiTarget;
import cn.jiangmen.innovation.project.domain.execution.MilestoneDecision;
import cn.jiangmen.innovation.project.domain.execution.PlannedMilestone;
import cn.jiangmen.innovation.project.domain.execution.ProgressRecords;
import cn.jiangmen.innovation.project.domain.execution.ProgressReport;
import cn.jiangmen.innovation.project.domain.execution.TaskBook;
import cn.jiangmen.innovation.project.domain.execution.TaskBooks;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What managers, auditors, funding and the lead organisation read about a project in execution. */
@Service
@Transactional(readOnly = true)
public class ExecutionQueries {

	/** The project at a glance: stage, task book, milestones, rounds and a recovery case if it failed. */
	public record ProjectSummary(ApprovedProject project, Optional<TaskBook> taskBook, List<PlannedMilestone> milestones,
			List<CheckRound> rounds, Optional<FundRecoveryCase> recovery) {
	}

	/** The task book with its milestones and their KPI targets. */
	public record TaskBookView(ApprovedProject project, TaskBook taskBook, List<PlannedMilestone> milestones,
			List<KpiTarget> kpiTargets) {
	}

	private final ProjectLookup lookup;

	private final ExecutionProjects projects;

	private final TaskBooks taskBooks;

	private final ProgressRecords records;

	private final ChangeRequests changes;

	private final CheckRounds rounds;

	public ExecutionQueries(ProjectLookup lookup, ExecutionProjects projects, TaskBooks taskBooks,
			ProgressRecords records, ChangeRequests changes, CheckRounds rounds) {
		this.lookup = lookup;
		this.projects = projects;
		this.taskBooks = taskBooks;
		this.records = records;
		this.changes = changes;
		this.rounds = rounds;
	}

	public ProjectSummary summary(ProjectId id, Caller caller) {
		ApprovedProject project = this.lookup.visible(id, caller);
		return new ProjectSummary(project, this.taskBooks.find(id), this.projects.milestones(id, 0, Integer.MAX_VALUE),
				this.rounds.of(id), this.rounds.recovery(id));
	}

	public List<PlannedMilestone> milestones(ProjectId id, PageRequest page, Caller caller) {
		this.lookup.visible(id, caller);
		return this.projects.milestones(id, page.offset(), page.size());
	}

	public TaskBookView taskBook(ProjectId id, Caller caller) {
		ApprovedProject project = this.lookup.visible(id, caller);
		TaskBook book = this.taskBooks.find(id).orElseThrow(() -> new NotFoundException("Task book of project", id));
		return new TaskBookView(project, book, this.projects.milestones(id, 0, Integer.MAX_VALUE),
				this.taskBooks.kpiTargets(id));
	}

	public List<ProgressReport> reports(ProjectId id, MilestoneId milestoneId, PageRequest page, Caller caller) {
		ApprovedProject project = this.lookup.visible(id, caller);
		this.lookup.milestone(project, milestoneId);
		return this.records.reports(milestoneId, page.offset(), page.size());
	}

	public List<MilestoneDecision> decisions(ProjectId id, MilestoneId milestoneId, Caller caller) {
		ApprovedProject project = this.lookup.visible(id, caller);
		this.lookup.milestone(project, milestoneId);
		return this.records.decisions(milestoneId);
	}

	public List<ChangeRequest> changeRequests(ProjectId id, PageRequest page, Caller caller) {
		this.lookup.visible(id, caller);
		return this.changes.page(id, page.offset(), page.size());
	}

	public List<CheckRound> rounds(ProjectId id, Caller caller) {
		this.lookup.visible(id, caller);
		return this.rounds.of(id);
	}

	/**
	 * Milestones due within 30 days or overdue, by the server clock: every project's for the bureau,
	 * the own organisation's for an applicant.
	 */
	public List<DueMilestone> due(DueMilestone.Window window, PageRequest page, Caller caller) {
		Optional<OrganisationId> only;
		if (ProjectAccess.seesAllProjects(caller)) {
			only = Optional.empty();
		}
		else if (ProjectAccess.isApplicant(caller)) {
			only = caller.organisationId().map(OrganisationId::new);
		}
		else {
			throw new AccessDeniedException("Milestones are not for this role");
		}
		return this.projects.due(window, this.lookup.today(), only, page.offset(), page.size());
	}

}
