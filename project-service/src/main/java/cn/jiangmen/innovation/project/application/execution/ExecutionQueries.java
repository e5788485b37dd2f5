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
import cn.jiangmen.innovation.project.domain.execution.PortfolioEntry;
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

	/** A portfolio row: the project, its year, task book and milestones (for the timeline). */
	public record PortfolioRow(PortfolioEntry entry, Optional<TaskBook> taskBook, List<PlannedMilestone> milestones) {
	}

	/**
	 * The portfolio filtered by field, year and stage: every project for the bureau, the own
	 * organisation's for an applicant; other roles are refused (403).
	 */
	public List<PortfolioRow> portfolio(PortfolioEntry.Filter filter, PageRequest page, Caller caller) {
		Optional<OrganisationId> only = scope(caller);
		return this.projects.portfolio(filter, only, page.offset(), page.size())
			.stream()
			.map(entry -> new PortfolioRow(entry, this.taskBooks.find(entry.project().id()),
					this.projects.milestones(entry.project().id(), 0, Integer.MAX_VALUE)))
			.toList();
	}

	/** One milestone as planned, with its state (read back after a decision). */
	public PlannedMilestone milestone(ProjectId id, MilestoneId milestoneId, Caller caller) {
		return this.lookup.milestone(this.lookup.visible(id, caller), milestoneId);
	}

	/**
	 * Milestones due within 30 days or overdue, by the server clock: every project's for the bureau,
	 * the own organisation's for an applicant.
	 */
	public List<DueMilestone> due(DueMilestone.Window window, PageRequest page, Caller caller) {
		return this.projects.due(window, this.lookup.today(), scope(caller), page.offset(), page.size());
	}

	/** Whose projects a caller lists: all (bureau), the own organisation's (applicant), else 403. */
	private static Optional<OrganisationId> scope(Caller caller) {
		if (ProjectAccess.seesAllProjects(caller)) {
			return Optional.empty();
		}
		if (ProjectAccess.isApplicant(caller)) {
			// an applicant without an organisation in the token sees nothing rather than everything
			return Optional.of(caller.organisationId()
				.map(OrganisationId::new)
				.orElseThrow(() -> new AccessDeniedException("No organisation in the token")));
		}
		throw new AccessDeniedException("Projects are not for this role");
	}

}
