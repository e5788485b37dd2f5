package cn.jiangmen.innovation.project.application;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.jiangmen.innovation.platform.audit.Audit;
import cn.jiangmen.innovation.platform.domain.Caller;
import cn.jiangmen.innovation.platform.error.FieldViolation;
import cn.jiangmen.innovation.platform.error.InvalidInputException;
import cn.jiangmen.innovation.platform.error.NotFoundException;
import cn.jiangmen.innovation.project.application.execution.ProjectLookup;
import cn.jiangmen.innovation.project.domain.Milestone;
import cn.jiangmen.innovation.project.domain.MilestoneId;
import cn.jiangmen.innovation.project.domain.ProjectId;
import cn.jiangmen.innovation.project.domain.Projects;
import cn.jiangmen.innovation.project.domain.execution.ApprovedProject;
import cn.jiangmen.innovation.project.domain.execution.KpiTarget;
import cn.jiangmen.innovation.project.domain.execution.MilestoneDecision;
import cn.jiangmen.innovation.project.domain.execution.ProgressRecords;
import cn.jiangmen.innovation.project.domain.execution.ProgressReport;
import cn.jiangmen.innovation.project.domain.execution.TaskBooks;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A milestone in execution: the lead organisation reports progress with evidence; the manager
 * accepts it (funding may then release its tranche: GetMilestoneStatus) or returns it with
 * reasons. Each step in one transaction with its record and audit record.
 */
@Service
public class MilestoneCommands {

	static final String OBJECT_TYPE = "milestone";

	/** A progress report as sent, not yet checked. */
	public record ReportInput(String summary, List<KpiValueInput> kpiValues, List<DocumentInput> documents) {
	}

	public record KpiValueInput(String kpiTargetId, String reached) {
	}

	public record DocumentInput(String name, String sha256) {
	}

	private final ProjectLookup lookup;

	private final Projects projects;

	private final TaskBooks taskBooks;

	private final ProgressRecords records;

	private final Audit audit;

	public MilestoneCommands(ProjectLookup lookup, Projects projects, TaskBooks taskBooks, ProgressRecords records,
			Audit audit) {
		this.lookup = lookup;
		this.projects = projects;
		this.taskBooks = taskBooks;
		this.records = records;
		this.audit = audit;
	}

	/** The lead organisation reports a planned or returned milestone as reached. */
	@Transactional
	public ProgressReport report(ProjectId projectId, MilestoneId milestoneId, ReportInput input, Caller caller) {
		ApprovedProject project = this.lookup.forLead(projectId, caller);
		Milestone before = existing(projectId, milestoneId);
		List<KpiTarget> targets = this.taskBooks.kpiTargets(projectId)
			.stream()
			.filter(target -> target.milestoneId().equals(milestoneId))
			.toList();
		List<FieldViolation> violations = new ArrayList<>();
		String summary = KpiTarget.text(input.summary(), "summary", 4000, violations);
		List<ProgressReport.KpiValue> values = kpiValues(input.kpiValues(), targets, violations);
		List<ProgressReport.EvidenceDocument> documents = documents(input.documents(), violations);
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		project.requireRunning("Reporting progress");
		Instant now = this.lookup.now();
		Milestone after = before.report();
		ProgressReport report = new ProgressReport(UUID.randomUUID(), projectId, milestoneId, caller.username(), now,
				summary, values, documents);
		update(after);
		this.records.add(report);
		Map<String, Object> state = snapshot(after);
		state.put("reportId", report.id().toString());
		this.audit.record(caller.username(), now, "milestone.reported", OBJECT_TYPE, milestoneId, snapshot(before), state);
		return report;
	}

	/** Accepts a reported milestone; any other state is a conflict (409 / FAILED_PRECONDITION). */
	@Transactional
	public Milestone accept(ProjectId projectId, MilestoneId milestoneId, Caller caller) {
		return decide(projectId, milestoneId, MilestoneDecision.Kind.ACCEPTED, "", caller);
	}

	/** Returns (退回) a reported milestone with reasons; the lead may report it again. */
	@Transactional
	public Milestone returnForRework(ProjectId projectId, MilestoneId milestoneId, String reasons, Caller caller) {
		return decide(projectId, milestoneId, MilestoneDecision.Kind.RETURNED, reasons, caller);
	}

	private Milestone decide(ProjectId projectId, MilestoneId milestoneId, MilestoneDecision.Kind kind, String reasons,
			Caller caller) {
		ApprovedProject project = this.lookup.forManager(projectId, caller);
		Milestone before = existing(projectId, milestoneId);
		List<FieldViolation> violations = new ArrayList<>();
		String text = kind == MilestoneDecision.Kind.RETURNED ? KpiTarget.text(reasons, "reasons", 4000, violations)
				: (reasons == null ? "" : reasons.strip());
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		project.requireRunning("Deciding on a milestone");
		Instant now = this.lookup.now();
		Milestone after = kind == MilestoneDecision.Kind.ACCEPTED ? before.accept(now) : before.reject();
		update(after);
		this.records.add(new MilestoneDecision(UUID.randomUUID(), projectId, milestoneId, kind, text, caller.username(), now));
		Map<String, Object> state = snapshot(after);
		state.put("reasons", text);
		this.audit.record(caller.username(), now,
				kind == MilestoneDecision.Kind.ACCEPTED ? "milestone.accepted" : "milestone.returned", OBJECT_TYPE,
				milestoneId, snapshot(before), state);
		return after;
	}

	private Milestone existing(ProjectId projectId, MilestoneId milestoneId) {
		return this.projects.findMilestone(projectId, milestoneId)
			.orElseThrow(() -> new NotFoundException("Milestone", milestoneId));
	}

	private void update(Milestone after) {
		if (!this.projects.updateMilestone(after)) {
			throw ProjectLookup.concurrent("milestone");
		}
	}

	private static List<ProgressReport.KpiValue> kpiValues(List<KpiValueInput> inputs, List<KpiTarget> targets,
			List<FieldViolation> violations) {
		List<ProgressReport.KpiValue> values = new ArrayList<>();
		for (int i = 0; i < inputs.size(); i++) {
			String field = "kpiValues[" + i + "]";
			KpiValueInput input = inputs.get(i);
			KpiTarget target = null;
			try {
				UUID id = UUID.fromString(String.valueOf(input.kpiTargetId()).strip());
				target = targets.stream().filter(t -> t.id().equals(id)).findFirst().orElse(null);
			}
			catch (IllegalArgumentException ex) {
				// reported below as not a target of this milestone
			}
			if (target == null) {
				violations.add(new FieldViolation(field + ".kpiTargetId", "kpi.unknown",
						"is not a KPI target of this milestone"));
			}
			BigDecimal reached = KpiTarget.amount(input.reached(), field + ".reached", violations);
			if (target != null && reached != null) {
				values.add(new ProgressReport.KpiValue(target.id(), target.name(), target.unit(), reached));
			}
		}
		return values;
	}

	private static List<ProgressReport.EvidenceDocument> documents(List<DocumentInput> inputs,
			List<FieldViolation> violations) {
		List<ProgressReport.EvidenceDocument> documents = new ArrayList<>();
		for (int i = 0; i < inputs.size(); i++) {
			String field = "documents[" + i + "]";
			String name = KpiTarget.text(inputs.get(i).name(), field + ".name", 200, violations);
			String sha = inputs.get(i).sha256() == null ? "" : inputs.get(i).sha256().strip().toLowerCase();
			if (!ProgressReport.SHA256.matcher(sha).matches()) {
				violations.add(new FieldViolation(field + ".sha256", "document.checksum",
						"must be the document's SHA-256 as 64 hexadecimal digits"));
			}
			else if (name != null) {
				documents.add(new ProgressReport.EvidenceDocument(name, sha));
			}
		}
		return documents;
	}

	private static Map<String, Object> snapshot(Milestone milestone) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("id", milestone.id().toString());
		state.put("projectId", milestone.projectId().toString());
		state.put("state", milestone.state().name());
		state.put("acceptedAt", milestone.acceptedAt().map(Instant::toString).orElse(null));
		state.put("version", milestone.version());
		return state;
	}

}
