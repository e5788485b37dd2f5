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
import cn.jiangmen.innovation.platform.organisation.Organisation;
import cn.jiangmen.innovation.platform.organisation.OrganisationDirectory;
import cn.jiangmen.innovation.project.domain.BudgetCategory;
import cn.jiangmen.innovation.project.domain.MilestoneId;
import cn.jiangmen.innovation.project.domain.ProjectCall;
import cn.jiangmen.innovation.project.domain.ProjectCalls;
import cn.jiangmen.innovation.project.domain.Proposal;
import cn.jiangmen.innovation.project.domain.ProposalContent;
import cn.jiangmen.innovation.project.domain.ProposalId;
import cn.jiangmen.innovation.project.domain.Proposals;
import cn.jiangmen.innovation.project.domain.Yuan;
import cn.jiangmen.innovation.project.domain.execution.ConsortiumChanges;
import cn.jiangmen.innovation.project.domain.MilestoneState;
import cn.jiangmen.innovation.project.domain.ProjectId;
import cn.jiangmen.innovation.project.domain.execution.ApprovedProject;
import cn.jiangmen.innovation.project.domain.execution.ChangeRequest;
import cn.jiangmen.innovation.project.domain.execution.ChangeRequests;
import cn.jiangmen.innovation.project.domain.execution.ExecutionProjects;
import cn.jiangmen.innovation.project.domain.execution.KpiTarget;
import cn.jiangmen.innovation.project.domain.execution.PlannedMilestone;
import cn.jiangmen.innovation.project.domain.execution.TaskBooks;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Change requests (变更申请): the lead organisation asks with a reason; the manager approves (the
 * change is applied in the same transaction and its before/after kept) or rejects with a reason.
 * Milestone dates and KPI targets are applied to the task book; budget moves and partner changes to
 * the project's budget and consortium of record, the approved proposal's ({@link ConsortiumChanges}:
 * the total and the call's rules kept, refusals in words), a budget move also recorded in
 * {@code budget_reallocation}.
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

	private final Proposals proposals;

	private final ProjectCalls calls;

	private final ObjectProvider<OrganisationDirectory> directory;

	public ChangeRequestCommands(ProjectLookup lookup, ExecutionProjects projects, TaskBooks taskBooks,
			ChangeRequests requests, Audit audit, Proposals proposals, ProjectCalls calls,
			ObjectProvider<OrganisationDirectory> directory) {
		this.lookup = lookup;
		this.projects = projects;
		this.taskBooks = taskBooks;
		this.requests = requests;
		this.audit = audit;
		this.proposals = proposals;
		this.calls = calls;
		this.directory = directory;
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
			Proposal proposal = proposalOfRecord(request);
			ProjectCall call = this.calls.find(proposal.callId()).orElseThrow();
			ProposalContent after = ConsortiumChanges.moveBudget(proposal.content(), call, budgetCategory(move.fromCategory()),
					budgetCategory(move.toCategory()), move.amountFen());
			amend(proposal, after, now);
			this.requests.addReallocation(request, move, now);
			was.put("budget", ConsortiumChanges.lines(proposal.content()));
			was.put("totalYuan", Yuan.format(proposal.content().totalFen()));
			is.put("budget", ConsortiumChanges.lines(after));
			is.put("totalYuan", Yuan.format(after.totalFen()));
			is.put("moved", Yuan.format(move.amountFen()) + " yuan from " + move.fromCategory() + " to " + move.toCategory());
		}
		else if (change instanceof ChangeRequest.Partner partner) {
			Proposal proposal = proposalOfRecord(request);
			ProjectCall call = this.calls.find(proposal.callId()).orElseThrow();
			ProposalContent after;
			if (partner.action() == ChangeRequest.PartnerAction.ADD) {
				Organisation organisation = this.directory.getObject()
					.find(partner.organisationId())
					.orElseThrow(() -> new ConflictException("change-request.organisation-unknown",
							"Organisation " + partner.organisationId() + " is not in the organisation directory"));
				after = ConsortiumChanges.addPartner(proposal.content(), call, ProposalContent.Party.of(organisation),
						partner.role(), now);
			}
			else {
				after = ConsortiumChanges.removePartner(proposal.content(), call, partner.organisationId());
			}
			amend(proposal, after, now);
			was.put("partners", ConsortiumChanges.partners(proposal.content()));
			was.put("leadShares", "work " + proposal.content().leadWorkSharePercent() + "%, budget "
					+ proposal.content().leadBudgetSharePercent() + "%");
			is.put("partners", ConsortiumChanges.partners(after));
			is.put("leadShares", "work " + after.leadWorkSharePercent() + "%, budget " + after.leadBudgetSharePercent() + "%");
		}
	}

	/** The approved proposal the project came from: its budget and consortium are the project's of record. */
	private Proposal proposalOfRecord(ChangeRequest request) {
		return this.projects.proposalOf(request.projectId())
			.flatMap(id -> this.proposals.find(new ProposalId(id)))
			.orElseThrow(() -> new ConflictException("change-request.no-proposal", "Project " + request.projectId()
					+ " has no approved proposal on record, so it has no budget lines or consortium to change"));
	}

	private void amend(Proposal proposal, ProposalContent after, Instant now) {
		if (!this.proposals.update(proposal.amended(after, now))) {
			throw ProjectLookup.concurrent("proposal");
		}
	}

	/** {@code travel-and-conferences} is {@link BudgetCategory#TRAVEL_AND_CONFERENCES}; checked when requested. */
	static BudgetCategory budgetCategory(String code) {
		try {
			return BudgetCategory.valueOf(code.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
		}
		catch (IllegalArgumentException ex) {
			// a request stored before categories were checked against the budget's
			throw new ConflictException("change-request.category-unknown", "Budget category " + code
					+ " is not one of the budget's categories; reject the request and ask again");
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
		boolean known = CATEGORY.matcher(value).matches() && java.util.Arrays.stream(BudgetCategory.values())
			.anyMatch(c -> c.name().equals(value.toUpperCase(java.util.Locale.ROOT).replace('-', '_')));
		if (!known) {
			violations.add(new FieldViolation(field, "budget.category",
					"must be a budget category: equipment, materials, testing, labour, travel-and-conferences, outsourcing or other"));
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
