package cn.jiangmen.innovation.project.domain.execution;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import cn.jiangmen.innovation.platform.error.ConflictException;
import cn.jiangmen.innovation.project.domain.ProjectId;

/**
 * A change request (变更申请) of the lead organisation with its reason: a milestone's due date, a move
 * of budget between categories, a partner, or a KPI target. The manager approves (the change is
 * applied in the same transaction, before/after kept) or rejects it; the lead may withdraw it
 * while it is pending.
 */
public record ChangeRequest(UUID id, ProjectId projectId, Change change, String reason, State state,
		String requestedBy, Instant requestedAt, Optional<String> decidedBy, Optional<Instant> decidedAt,
		Optional<String> decisionReason, Optional<Map<String, Object>> before, Optional<Map<String, Object>> after,
		long version) {

	/** PENDING --approve--> APPROVED | --reject--> REJECTED | --withdraw--> WITHDRAWN. */
	public enum State {

		PENDING, APPROVED, REJECTED, WITHDRAWN

	}

	public enum Kind {

		MILESTONE_DATE, BUDGET_REALLOCATION, PARTNER, KPI_TARGET

	}

	/** What is asked, one record per kind. */
	public sealed interface Change permits MilestoneDate, BudgetReallocation, Partner, KpiTargetChange {

		Kind kind();

	}

	public record MilestoneDate(UUID milestoneId, LocalDate newDueDate) implements Change {

		@Override
		public Kind kind() {
			return Kind.MILESTONE_DATE;
		}

	}

	/** Moves {@code amountFen} of the budget from one category (equipment, materials, ...) to another. */
	public record BudgetReallocation(String fromCategory, String toCategory, long amountFen) implements Change {

		@Override
		public Kind kind() {
			return Kind.BUDGET_REALLOCATION;
		}

	}

	/** Adds or removes a partner organisation of the consortium, with its role. */
	public record Partner(PartnerAction action, UUID organisationId, String role) implements Change {

		@Override
		public Kind kind() {
			return Kind.PARTNER;
		}

	}

	public enum PartnerAction {

		ADD, REMOVE

	}

	public record KpiTargetChange(UUID kpiTargetId, BigDecimal newTarget) implements Change {

		@Override
		public Kind kind() {
			return Kind.KPI_TARGET;
		}

	}

	public ChangeRequest {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(projectId, "projectId");
		Objects.requireNonNull(change, "change");
		Objects.requireNonNull(reason, "reason");
		Objects.requireNonNull(state, "state");
	}

	public static ChangeRequest request(ProjectId projectId, Change change, String reason, String by, Instant now) {
		return new ChangeRequest(UUID.randomUUID(), projectId, change, reason, State.PENDING, by, now, Optional.empty(),
				Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 0);
	}

	public ChangeRequest approve(String by, Instant now, String note, Map<String, Object> before,
			Map<String, Object> after) {
		requirePending("approved");
		return new ChangeRequest(this.id, this.projectId, this.change, this.reason, State.APPROVED, this.requestedBy,
				this.requestedAt, Optional.of(by), Optional.of(now), Optional.ofNullable(note), Optional.of(before),
				Optional.of(after), this.version + 1);
	}

	public ChangeRequest reject(String by, Instant now, String note) {
		requirePending("rejected");
		return new ChangeRequest(this.id, this.projectId, this.change, this.reason, State.REJECTED, this.requestedBy,
				this.requestedAt, Optional.of(by), Optional.of(now), Optional.of(note), Optional.empty(),
				Optional.empty(), this.version + 1);
	}

	public ChangeRequest withdraw(String by, Instant now) {
		requirePending("withdrawn");
		return new ChangeRequest(this.id, this.projectId, this.change, this.reason, State.WITHDRAWN, this.requestedBy,
				this.requestedAt, Optional.of(by), Optional.of(now), Optional.empty(), Optional.empty(),
				Optional.empty(), this.version + 1);
	}

	public void requirePending(String what) {
		if (this.state != State.PENDING) {
			throw new ConflictException("change-request.state",
					"A change request that is " + this.state + " cannot be " + what);
		}
	}

}
