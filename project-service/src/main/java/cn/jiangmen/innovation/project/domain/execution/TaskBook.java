package cn.jiangmen.innovation.project.domain.execution;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import cn.jiangmen.innovation.platform.error.ConflictException;
import cn.jiangmen.innovation.platform.error.FieldViolation;
import cn.jiangmen.innovation.platform.error.InvalidInputException;
import cn.jiangmen.innovation.project.domain.ProjectId;

/**
 * The task book (任务书) of an approved project: issued by the manager, accepted by the lead
 * organisation, countersigned by the manager. Immutable; each step returns the next version.
 */
public record TaskBook(ProjectId projectId, State state, String issuedBy, Instant issuedAt, Optional<String> acceptedBy,
		Optional<Instant> acceptedAt, Optional<String> countersignedBy, Optional<Instant> countersignedAt,
		long version) {

	/** ISSUED --lead accepts--> ACCEPTED_BY_LEAD --manager countersigns--> COUNTERSIGNED. */
	public enum State {

		ISSUED, ACCEPTED_BY_LEAD, COUNTERSIGNED

	}

	public TaskBook {
		Objects.requireNonNull(projectId, "projectId");
		Objects.requireNonNull(state, "state");
		Objects.requireNonNull(issuedBy, "issuedBy");
		Objects.requireNonNull(issuedAt, "issuedAt");
	}

	/**
	 * Generates the task book of {@code project} from its planned milestones: every milestone needs a
	 * due date and deliverables, and the tranches must add up to the approved fiscal amount; each
	 * refusal names the field and says the values in words.
	 */
	public static TaskBook issue(ApprovedProject project, List<PlannedMilestone> milestones, String by, Instant now) {
		List<FieldViolation> violations = new ArrayList<>();
		if (milestones.isEmpty()) {
			violations.add(new FieldViolation("milestones", "task-book.no-milestones",
					"the approved project has no milestones to put in a task book"));
		}
		for (PlannedMilestone milestone : milestones) {
			String field = "milestones[" + milestone.sequence() + "]";
			if (milestone.dueDate().isEmpty()) {
				violations.add(new FieldViolation(field + ".dueDate", "required",
						"milestone '" + milestone.title() + "' has no due date"));
			}
			if (milestone.deliverables().isBlank()) {
				violations.add(new FieldViolation(field + ".deliverables", "required",
						"milestone '" + milestone.title() + "' names no deliverables"));
			}
		}
		long sum = milestones.stream().mapToLong(PlannedMilestone::trancheFen).sum();
		if (sum != project.approvedFiscalFen()) {
			violations.add(new FieldViolation("milestones.trancheFen", "task-book.tranches-do-not-add-up",
					"the milestones' tranches add up to " + Fen.words(sum) + " but the approved fiscal amount is "
							+ Fen.words(project.approvedFiscalFen()) + " (difference "
							+ Fen.words(project.approvedFiscalFen() - sum) + ")"));
		}
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		return new TaskBook(project.id(), State.ISSUED, by, now, Optional.empty(), Optional.empty(), Optional.empty(),
				Optional.empty(), 0);
	}

	public TaskBook acceptByLead(String by, Instant now) {
		require(State.ISSUED, "accepted by the lead organisation");
		return new TaskBook(this.projectId, State.ACCEPTED_BY_LEAD, this.issuedBy, this.issuedAt, Optional.of(by),
				Optional.of(now), Optional.empty(), Optional.empty(), this.version + 1);
	}

	public TaskBook countersign(String by, Instant now) {
		require(State.ACCEPTED_BY_LEAD, "countersigned");
		return new TaskBook(this.projectId, State.COUNTERSIGNED, this.issuedBy, this.issuedAt, this.acceptedBy,
				this.acceptedAt, Optional.of(by), Optional.of(now), this.version + 1);
	}

	private void require(State expected, String what) {
		if (this.state != expected) {
			throw new ConflictException("task-book.state",
					"A task book that is " + this.state + " cannot be " + what + " (it must be " + expected + ")");
		}
	}

}
