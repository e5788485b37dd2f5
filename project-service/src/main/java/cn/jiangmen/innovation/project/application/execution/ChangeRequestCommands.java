package cn.jiangmen.innovation.project.application.execution;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.jiangmen.innovation.platform.audit.Audit;
import cn.jiangmen.innovation.platform.domain.Caller;
import cn.jiangmen.innovation.platform.error.ConflictException;
import cn.jiangmen.innovation.platform.error.FieldViolation;
import cn.jiangmen.innovation.platform.error.InvalidInputException;
import cn.jiangmen.innovation.platform.error.NotFoundException;
import cn.jiangmen.innovation.project.domain.MilestoneId;
import cn.jiangmen.innovation.project.domain.MilestoneState;
import cn.jiangmen.innovation.project.domain.ProjectId;
import cn.jiangmen.innovation.project.domain.execution.ApprovedProject;
import cn.jiangmen.innovation.project.domain.execution.ChangeRequest;
import cn.jiangmen.innovation.project.domain.execution.ChangeRequests;
import cn.jiangmen.innovation.project.domain.execution.ExecutionProjects;
import cn.jiangmen.innovation.project.domain.execution.KpiTarget;
import cn.jiangmen.innovation.project.domain.execution.PlannedMilestone;
import cn.jiangmen.innovation.project.domain.execution.TaskBooks;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Change requests (变更申请): the lead organisation asks with a reason; the manager approves (the
 * change is applied in the same transaction and its before/after kept) or rejects with a reason.
 * Milestone dates and KPI targets are applied to the task book; budget moves are recorded in
 * {@code budget_reallocation} and partner changes on the request itself, since the budget lines and
 * the consortium belong to the proposal.
 */
@Service
public class ChangeRequestCommands {

	static final String OBJECT_TYPE = "change_request";

	/** A change request as sent: {@code kind} decides which of the other fields count. */
	public record ChangeInput(String kind, String reason, String milestoneId, String newDueDate, String fromCategory,
			String toCategory, String amount, String partnerAction, String organisationId, String partnerRole,
			String kpiTargetId, String newTarget) {
	}

	private static final java.util.regex.Pattern CATEGORY = java.util.regex.Pattern.compile("^[a-z][a-z0-9-]{1,49}$");

	private final ProjectLookup lookup;

	private final ExecutionProjects projects;

	private final TaskBooks taskBooks;

	private final ChangeRequests requests;

	private final Audit audit;

	public ChangeRequestCommands(ProjectLookup lookup, ExecutionProjects projects, TaskBooks taskBooks,
			ChangeRequests requests, Audit audit) {
		this.lookup = lookup;
		this.projects = projects;
		this.taskBooks = taskBooks;
		this.requests = requests;
		this.audit = audit;
	}

	@Transactional
	public ChangeRequest request(ProjectId projectId, ChangeInput input, Caller caller) {
		ApprovedProject project = this.lookup.forLead(projectId, caller);
		List<FieldViolation> violations = new ArrayList<>();
		String reason = KpiTarget.text(input.reason(), "reason", 4000, violations);
		ChangeRequest.Change change = change(project, input, violations);
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		project.requireRunning("A change request");
		Instant now = this.lookup.now();
		ChangeRequest request = ChangeRequest.request(projectId, change, reason, caller.username(), now);
		this.requests.add(request);
		this.audit.record(caller.username(), now, "change-request.requested", OBJECT_TYPE, request.id(), null,
				snapshot(request));
		return request;
	}

	@Transactional
	public ChangeRequest approve(ProjectId projectId, UUID id, String note, Caller caller) {
		ApprovedProject project = this.lookup.forManager(projectId, caller);
		ChangeRequest before = existing(projectId, id);
		before.requirePending("approved");
		project.requireRunning("Approving a change");
		Instant now = this.lookup.now();
		Map<String, Object> was = new LinkedHashMap<>();
		Map<String, Object> is = new LinkedHashMap<>();
		apply(before, was, is, now);
		ChangeRequest after = before.approve(caller.username(), now, note == null ? null : note.strip(), was, is);
		write(caller, "change-request.approved", before, after, now);
		return after;
	}

	@Transactional
	public ChangeRequest reject(ProjectId projectId, UUID id, String note, Caller caller) {
		this.lookup.forManager(projectId, caller);
		ChangeRequest before = existing(projectId, id);
		List<FieldViolation> violations = new ArrayList<>();
		String reason = KpiTarget.text(note, "reason", 4000, violations);
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		Instant now = this.lookup.now();
		ChangeRequest after = before.reject(caller.username(), now, reason);
		write(caller, "change-request.rejected", before, after, now);
		return after;
	}

	@Transactional
	public ChangeRequest withdraw(ProjectId projectId, UUID id, Caller caller) {
		this.lookup.forLead(projectId, caller);
		ChangeRequest before = existing(projectId, id);
		Instant now = this.lookup.now();
		ChangeRequest after = before.withdraw(caller.username(), now);
		write(caller, "change-request.withdrawn", before, after, now);
		return after;
	}

	private void apply(ChangeRequest request, Map<String, Object> was, Map<String, Object> is, Instant now) {
		ChangeRequest.Change change = request.change();
		if (change instanceof ChangeRequest.MilestoneDate date) {
			ApprovedProject project = this.projects.find(request.projectId()).orElseThrow();
			PlannedMilestone milestone = this.lookup.milestone(project, new MilestoneId(date.milestoneId()));
			if (milestone.state() == MilestoneState.ACCEPTED) {
				throw new ConflictException("change-request.milestone-accepted",
						"Milestone '" + milestone.title() + "' is accepted: its due date no longer changes");
			}
			if (!this.projects.updateDueDate(milestone.id(), date.newDueDate(), milestone.version())) {
				throw ProjectLookup.concurrent("milestone");
			}
			was.put("milestoneId", milestone.id().toString());
			was.put("dueDate", milestone.dueDate().map(Object::toString).orElse(null));
			is.put("milestoneId", milestone.id().toString());
			is.put("dueDate", date.newDueDate().toString());
		}
		else if (change instanceof ChangeRequest.KpiTargetChange kpi) {
			KpiTarget target = this.taskBooks.kpiTargets(request.projectId())
				.stream()
				.filter(t -> t.id().equals(kpi.kpiTargetId()))
				.findFirst()
				.orElseThrow(() -> new NotFoundException("KPI target", kpi.kpiTargetId()));
			if (!this.taskBooks.updateKpiTarget(target.withTarget(kpi.newTarget()))) {
				throw ProjectLookup.concurrent("kpi-target");
			}
			was.put("kpiTargetId", target.id().toString());
			was.put("name", target.name());
			was.put("target", target.target().toPlainString());
			is.put("kpiTargetId", target.id().toString());
			is.put("name", target.name());
			is.put("target", kpi.newTarget().toPlainString());
		}
		else if (change instanceof ChangeRequest.BudgetReallocation move) {
			this.requests.addReallocation(request, move, now);
			was.put("fromCategory", move.fromCategory());
			was.put("toCategory", move.toCategory());
			was.put("movedFen", 0);
			is.put("fromCategory", move.fromCategory());
			is.put("toCategory", move.toCategory());
			is.put("movedFen", move.amountFen());
		}
		else if (change instanceof ChangeRequest.Partner partner) {
			was.put("organisationId", partner.organisationId().toString());
			was.put("partner", partner.action() == ChangeRequest.PartnerAction.REMOVE);
			is.put("organisationId", partner.organisationId().toString());
			is.put("partner", partner.action() == ChangeRequest.PartnerAction.ADD);
			is.put("role", partner.role());
		}
	}

	private ChangeRequest.Change change(ApprovedProject project, ChangeInput input, List<FieldViolation> violations) {
		ChangeRequest.Kind kind;
		try {
			kind = ChangeRequest.Kind.valueOf(String.valueOf(input.kind()).strip());
		}
		catch (IllegalArgumentException ex) {
			violations.add(new FieldViolation("kind", "change-request.kind",
					"must be one of MILESTONE_DATE, BUDGET_REALLOCATION, PARTNER, KPI_TARGET"));
			return null;
		}
		switch (kind) {
			case MILESTONE_DATE -> {
				UUID milestone = uuid(input.milestoneId(), "milestoneId", violations);
				if (milestone != null && this.projects.milestone(project.id(), new MilestoneId(milestone)).isEmpty()) {
					violations.add(new FieldViolation("milestoneId", "milestone.unknown", "is not a milestone of this project"));
				}
				LocalDate date = null;
				try {
					date = LocalDate.parse(String.valueOf(input.newDueDate()).strip());
					if (date.isBefore(this.lookup.today())) {
						violations.add(new FieldViolation("newDueDate", "date.past", "must not be in the past"));
					}
				}
				catch (DateTimeParseException ex) {
					violations.add(new FieldViolation("newDueDate", "date.malformed", "must be a date as yyyy-MM-dd"));
				}
				return new ChangeRequest.MilestoneDate(milestone, date);
			}
			case BUDGET_REALLOCATION -> {
				String from = category(input.fromCategory(), "fromCategory", violations);
				String to = category(input.toCategory(), "toCategory", violations);
				if (from != null && from.equals(to)) {
					violations.add(new FieldViolation("toCategory", "budget.same-category",
							"must differ from the category the money comes from"));
				}
				long fen = amountFen(input.amount(), violations);
				return new ChangeRequest.BudgetReallocation(from, to, fen);
			}
			case PARTNER -> {
				ChangeRequest.PartnerAction action = null;
				try {
					action = ChangeRequest.PartnerAction.valueOf(String.valueOf(input.partnerAction()).strip());
				}
				catch (IllegalArgumentException ex) {
					violations.add(new FieldViolation("partnerAction", "partner.action", "must be ADD or REMOVE"));
				}
				UUID organisation = uuid(input.organisationId(), "organisationId", violations);
				if (organisation != null && organisation.equals(project.leadOrganisation().value())) {
					violations.add(new FieldViolation("organisationId", "partner.is-lead",
							"is the lead organisation, which cannot be changed by a partner change"));
				}
				String role = KpiTarget.text(input.partnerRole(), "partnerRole", 200, violations);
				return new ChangeRequest.Partner(action, organisation, role);
			}
			case KPI_TARGET -> {
				UUID target = uuid(input.kpiTargetId(), "kpiTargetId", violations);
				if (target != null && this.taskBooks.kpiTargets(project.id()).stream().noneMatch(t -> t.id().equals(target))) {
					violations.add(new FieldViolation("kpiTargetId", "kpi.unknown", "is not a KPI target of this project"));
				}
				BigDecimal value = KpiTarget.amount(input.newTarget(), "newTarget", violations);
				return new ChangeRequest.KpiTargetChange(target, value);
			}
			default -> throw new IllegalStateException(kind.name());
		}
	}

	private static UUID uuid(String text, String field, List<FieldViolation> violations) {
		try {
			return UUID.fromString(String.valueOf(text).strip());
		}
		catch (IllegalArgumentException ex) {
			violations.add(new FieldViolation(field, "id.malformed", "must be a UUID"));
			return null;
		}
	}

	private static String category(String text, String field, List<FieldViolation> violations) {
		String value = text == null ? "" : text.strip();
		if (!CATEGORY.matcher(value).matches()) {
			violations.add(new FieldViolation(field, "budget.category",
					"must be a budget category code such as equipment, materials, testing or labour"));
			return null;
		}
		return value;
	}

	private static long amountFen(String yuan, List<FieldViolation> violations) {
		try {
			BigDecimal value = new BigDecimal(String.valueOf(yuan).strip());
			if (value.signum() <= 0 || value.stripTrailingZeros().scale() > 2 || value.compareTo(BigDecimal.valueOf(100_000_000_000L)) > 0) {
				violations.add(new FieldViolation("amount", "amount.range",
						"must be a positive amount of yuan with at most two decimals, at most 100000000000"));
				return 0;
			}
			return value.movePointRight(2).longValueExact();
		}
		catch (NumberFormatException | ArithmeticException ex) {
			violations.add(new FieldViolation("amount", "amount.malformed", "must be yuan as a decimal number, e.g. \"50000.00\""));
			return 0;
		}
	}

	private ChangeRequest existing(ProjectId projectId, UUID id) {
		return this.requests.find(projectId, id).orElseThrow(() -> new NotFoundException("Change request", id));
	}

	private void write(Caller caller, String action, ChangeRequest before, ChangeRequest after, Instant now) {
		if (!this.requests.update(after)) {
			throw ProjectLookup.concurrent("change-request");
		}
		this.audit.record(caller.username(), now, action, OBJECT_TYPE, after.id(), snapshot(before), snapshot(after));
	}

	static Map<String, Object> snapshot(ChangeRequest request) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("id", request.id().toString());
		state.put("kind", request.change().kind().name());
		state.put("state", request.state().name());
		state.put("change", request.change().toString());
		state.put("before", request.before().orElse(null));
		state.put("after", request.after().orElse(null));
		state.put("version", request.version());
		return state;
	}

}
