package cn.jiangmen.innovation.funding.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

import cn.jiangmen.innovation.platform.domain.Caller;
import cn.jiangmen.innovation.platform.domain.Ids;
import cn.jiangmen.innovation.platform.error.ConflictException;
import cn.jiangmen.innovation.platform.error.InvalidInputException;

import org.jmolecules.ddd.types.Identifier;

/**
 * One planned payment of an award. Its money is a pending ledger transfer from the budget's
 * appropriation until the checker approves it. Maker and checker are kept by token subject (sub),
 * never by username, so a renamed account cannot approve its own work.
 */
public record Tranche(Id id, CommitmentId commitmentId, int sequence, UUID milestoneId, long amountMinor,
		LocalDate plannedDate, TrancheState state, UUID pendingTransferId, Person preparedBy, Instant preparedAt,
		Person decidedBy, Instant decidedAt, String decisionReason, long version) {

	public record Id(UUID value) implements Identifier {

		public Id {
			Ids.require(value);
		}

		public static Id newId() {
			return new Id(UUID.randomUUID());
		}

		@Override
		public String toString() {
			return this.value.toString();
		}

	}

	/** Who acted: the token's subject (the identity) and username (what people read). */
	public record Person(String subject, String username) {

		public static Person of(Caller caller) {
			return new Person(caller.subject(), caller.username());
		}

	}

	public static final int MAX_REASON_LENGTH = 500;

	public Tranche {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(commitmentId, "commitmentId");
		Objects.requireNonNull(plannedDate, "plannedDate");
		Objects.requireNonNull(state, "state");
	}

	public static Tranche schedule(CommitmentId commitment, int sequence, TrancheRequest request, LocalDate today,
			UUID pendingTransferId) {
		return new Tranche(Id.newId(), commitment, sequence, request.milestoneId(), request.amountMinor(),
				request.plannedDate() == null ? today : request.plannedDate(), TrancheState.SCHEDULED,
				pendingTransferId, null, null, null, null, null, 0);
	}

	/** The maker asks for payment; whether the milestone is accepted is checked by the caller first. */
	public Tranche prepare(Caller maker, Instant now) {
		TrancheState next = next(TrancheAction.PREPARE);
		return new Tranche(this.id, this.commitmentId, this.sequence, this.milestoneId, this.amountMinor,
				this.plannedDate, next, this.pendingTransferId, Person.of(maker), now, null, null, null, this.version);
	}

	/** The checker decides; a reason is required to reject, so the maker knows what to fix. */
	public Tranche decide(Caller checker, boolean approve, String reason, Instant now) {
		TrancheState next = next(approve ? TrancheAction.APPROVE : TrancheAction.REJECT);
		String why = reason == null ? "" : reason.strip();
		if (!approve && why.isEmpty()) {
			throw new InvalidInputException("reason", "required", "must say why the tranche is rejected");
		}
		if (why.length() > MAX_REASON_LENGTH) {
			throw new InvalidInputException("reason", "too-long", "must be at most " + MAX_REASON_LENGTH + " characters");
		}
		return new Tranche(this.id, this.commitmentId, this.sequence, this.milestoneId, this.amountMinor,
				this.plannedDate, next, this.pendingTransferId, this.preparedBy, this.preparedAt, Person.of(checker),
				now, why.isEmpty() ? null : why, this.version);
	}

	public Tranche moveTo(TrancheAction action) {
		return new Tranche(this.id, this.commitmentId, this.sequence, this.milestoneId, this.amountMinor,
				this.plannedDate, next(action), this.pendingTransferId, this.preparedBy, this.preparedAt,
				this.decidedBy, this.decidedAt, this.decisionReason, this.version);
	}

	private TrancheState next(TrancheAction action) {
		return TrancheLifecycle.target(this.state, action)
			.orElseThrow(() -> new ConflictException("tranche.transition-not-allowed",
					"A " + this.state + " tranche cannot " + action));
	}

}
