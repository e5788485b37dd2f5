package cn.jiangmen.innovation.project.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import cn.jiangmen.innovation.platform.error.FieldViolation;
import cn.jiangmen.innovation.platform.error.InvalidInputException;

/**
 * Approval (立项) of a reviewed proposal: the approved fiscal amount (at most the fiscal request
 * and the call's ceiling) and the tranche (分期拨付) each milestone of the work plan releases; the
 * tranches add up to the approved amount. {@link #project} is what approval writes: the project and
 * its planned milestones, read by the task book and execution.
 */
public record Approval(long approvedFen, List<Long> tranchesFen, String note) {

	public Approval {
		tranchesFen = List.copyOf(tranchesFen);
	}

	/** A planned milestone of the new project. */
	public record PlannedProjectMilestone(MilestoneId id, int sequence, String title, LocalDate dueDate,
			String deliverables, long trancheFen) {
	}

	/** The project row and its milestones as approval inserts them (stage TASK_BOOK). */
	public record ApprovedProject(ProjectId id, String title, java.util.UUID organisationId, String fieldCode,
			ProposalId proposalId, CallId callId, long approvedFiscalFen, Instant approvedAt,
			List<PlannedProjectMilestone> milestones) {
	}

	/**
	 * Checks the manager's figures against the proposal and call, every violation at once.
	 *
	 * @param approvedFen null when the amount was missing or malformed (already named in {@code violations})
	 * @param tranchesFen one per milestone; an element is null when it was malformed (already named)
	 */
	public static Approval check(Proposal proposal, ProjectCall call, Long approvedFen, List<Long> tranchesFen,
			String note, List<FieldViolation> violations) {
		long request = proposal.content().fiscalFen();
		if (approvedFen != null) {
			if (approvedFen > request) {
				violations.add(new FieldViolation("approvedFiscal", "approval.over-request", "The approved "
						+ Yuan.format(approvedFen) + " yuan is over the fiscal request of " + Yuan.format(request) + " yuan"));
			}
			if (approvedFen > call.ceilingFen()) {
				violations.add(new FieldViolation("approvedFiscal", "approval.over-ceiling", "The approved "
						+ Yuan.format(approvedFen) + " yuan is over the call's ceiling of " + Yuan.format(call.ceilingFen())
						+ " yuan per project"));
			}
		}
		int milestones = proposal.content().workPlan().size();
		if (tranchesFen.size() != milestones) {
			violations.add(new FieldViolation("tranches", "approval.tranche-count", "The work plan has " + milestones
					+ " milestones; " + tranchesFen.size() + " tranches were given (one per milestone)"));
		}
		else if (approvedFen != null && tranchesFen.stream().allMatch(java.util.Objects::nonNull)) {
			long sum = tranchesFen.stream().mapToLong(Long::longValue).sum();
			if (sum != approvedFen) {
				violations.add(new FieldViolation("tranches", "approval.tranches-not-adding-up", "The tranches add up to "
						+ Yuan.format(sum) + " yuan, not the approved " + Yuan.format(approvedFen) + " yuan"));
			}
		}
		String cleanNote = note == null ? "" : note.strip();
		if (cleanNote.length() > 4000) {
			violations.add(new FieldViolation("note", "too-long", "must be at most 4000 characters"));
		}
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		return new Approval(approvedFen, tranchesFen, cleanNote);
	}

	/** The project and milestones approval writes for {@code proposal}. */
	public ApprovedProject project(Proposal proposal, ProjectCall call, ProjectId id, Instant now) {
		List<PlannedProjectMilestone> planned = new ArrayList<>();
		List<ProposalContent.PlannedMilestone> plan = proposal.content().workPlan();
		for (int i = 0; i < plan.size(); i++) {
			ProposalContent.PlannedMilestone milestone = plan.get(i);
			planned.add(new PlannedProjectMilestone(new MilestoneId(java.util.UUID.randomUUID()), i + 1,
					milestone.title(), milestone.dueDate(), milestone.deliverables(), this.tranchesFen.get(i)));
		}
		return new ApprovedProject(id, proposal.content().title(), proposal.leadOrganisationId(), call.fieldCode(),
				proposal.id(), call.id(), this.approvedFen, now, planned);
	}

}
