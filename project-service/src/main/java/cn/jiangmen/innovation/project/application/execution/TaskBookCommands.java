package cn.jiangmen.innovation.project.application.execution;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import cn.jiangmen.innovation.platform.audit.Audit;
import cn.jiangmen.innovation.platform.domain.Caller;
import cn.jiangmen.innovation.platform.error.ConflictException;
import cn.jiangmen.innovation.platform.error.FieldViolation;
import cn.jiangmen.innovation.platform.error.InvalidInputException;
import cn.jiangmen.innovation.platform.error.NotFoundException;
import cn.jiangmen.innovation.project.domain.MilestoneId;
import cn.jiangmen.innovation.project.domain.ProjectId;
import cn.jiangmen.innovation.project.domain.execution.ApprovedProject;
import cn.jiangmen.innovation.project.domain.execution.ExecutionProjects;
import cn.jiangmen.innovation.project.domain.execution.KpiTarget;
import cn.jiangmen.innovation.project.domain.execution.PlannedMilestone;
import cn.jiangmen.innovation.project.domain.execution.ProjectStage;
import cn.jiangmen.innovation.project.domain.execution.TaskBook;
import cn.jiangmen.innovation.project.domain.execution.TaskBooks;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The task book (任务书): the manager generates it from the approved project with each milestone's
 * KPI targets, the lead organisation accepts it, the manager countersigns it and the project
 * moves to execution. One transaction per step, each with its audit record.
 */
@Service
public class TaskBookCommands {

	static final String OBJECT_TYPE = "task_book";

	/** One KPI target as asked, not yet checked. */
	public record KpiTargetInput(String milestoneId, String name, String unit, String target) {
	}

	private final ProjectLookup lookup;

	private final ExecutionProjects projects;

	private final TaskBooks taskBooks;

	private final Audit audit;

	public TaskBookCommands(ProjectLookup lookup, ExecutionProjects projects, TaskBooks taskBooks, Audit audit) {
		this.lookup = lookup;
		this.projects = projects;
		this.taskBooks = taskBooks;
		this.audit = audit;
	}

	@Transactional
	public TaskBook issue(ProjectId projectId, List<KpiTargetInput> inputs, Caller caller) {
		ApprovedProject project = this.lookup.forManager(projectId, caller);
		List<PlannedMilestone> milestones = this.projects.milestones(projectId, 0, Integer.MAX_VALUE);
		List<KpiTarget> targets = kpiTargets(milestones, inputs);
		Instant now = this.lookup.now();
		TaskBook book = TaskBook.issue(project, milestones, caller.username(), now);
		if (project.stage() != ProjectStage.TASK_BOOK) {
			throw new ConflictException("project.stage",
					"A task book is generated for a project in stage TASK_BOOK; this one is in " + project.stage());
		}
		if (!this.taskBooks.add(book, targets)) {
			throw new ConflictException("task-book.exists", "Project " + projectId + " already has a task book");
		}
		Map<String, Object> after = Snapshots.of(book);
		after.put("milestones", milestones.size());
		after.put("kpiTargets", targets.size());
		after.put("approvedFiscalFen", project.approvedFiscalFen());
		this.audit.record(caller.username(), now, "project.task-book.issued", OBJECT_TYPE, projectId, null, after);
		return book;
	}

	@Transactional
	public TaskBook accept(ProjectId projectId, Caller caller) {
		this.lookup.forLead(projectId, caller);
		TaskBook before = existing(projectId);
		Instant now = this.lookup.now();
		TaskBook after = before.acceptByLead(caller.username(), now);
		write(caller, "project.task-book.accepted", before, after, now);
		return after;
	}

	/** The manager's countersignature (会签) puts the project into execution. */
	@Transactional
	public TaskBook countersign(ProjectId projectId, Caller caller) {
		ApprovedProject project = this.lookup.forManager(projectId, caller);
		TaskBook before = existing(projectId);
		Instant now = this.lookup.now();
		TaskBook after = before.countersign(caller.username(), now);
		write(caller, "project.task-book.countersigned", before, after, now);
		ApprovedProject moved = this.lookup.move(project, ProjectStage.Action.COUNTERSIGN_TASK_BOOK);
		this.audit.record(caller.username(), now, "project.stage-changed", "project", projectId, Snapshots.of(project),
				Snapshots.of(moved));
		return after;
	}

	private void write(Caller caller, String action, TaskBook before, TaskBook after, Instant now) {
		if (!this.taskBooks.update(after)) {
			throw ProjectLookup.concurrent("task-book");
		}
		this.audit.record(caller.username(), now, action, OBJECT_TYPE, after.projectId(), Snapshots.of(before),
				Snapshots.of(after));
	}

	private TaskBook existing(ProjectId projectId) {
		return this.taskBooks.find(projectId).orElseThrow(() -> new NotFoundException("Task book of project", projectId));
	}

	/** Checks every KPI target, naming each bad field; nothing is written when one is bad. */
	static List<KpiTarget> kpiTargets(List<PlannedMilestone> milestones, List<KpiTargetInput> inputs) {
		List<FieldViolation> violations = new ArrayList<>();
		Set<MilestoneId> known = new HashSet<>();
		milestones.forEach(milestone -> known.add(milestone.id()));
		Map<MilestoneId, Integer> order = new HashMap<>();
		Set<String> names = new HashSet<>();
		List<KpiTarget> targets = new ArrayList<>();
		for (int i = 0; i < inputs.size(); i++) {
			KpiTargetInput input = inputs.get(i);
			String field = "kpiTargets[" + i + "]";
			MilestoneId milestone = null;
			try {
				milestone = MilestoneId.parse(input.milestoneId(), field + ".milestoneId");
				if (!known.contains(milestone)) {
					violations.add(new FieldViolation(field + ".milestoneId", "milestone.unknown",
							"is not a milestone of this project"));
					milestone = null;
				}
			}
			catch (InvalidInputException ex) {
				violations.addAll(ex.violations());
			}
			String name = KpiTarget.text(input.name(), field + ".name", 200, violations);
			String unit = KpiTarget.text(input.unit(), field + ".unit", 50, violations);
			BigDecimal target = KpiTarget.amount(input.target(), field + ".target", violations);
			if (milestone != null && name != null && !names.add(milestone + "/" + name)) {
				violations.add(new FieldViolation(field + ".name", "kpi.duplicate",
						"the milestone already has a KPI target named '" + name + "'"));
			}
			if (milestone != null && name != null && unit != null && target != null) {
				int sort = order.merge(milestone, 1, Integer::sum);
				targets.add(new KpiTarget(UUID.randomUUID(), milestone, sort, name, unit, target, 0));
			}
		}
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		return targets;
	}

}
