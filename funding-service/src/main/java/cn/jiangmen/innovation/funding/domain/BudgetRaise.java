package cn.jiangmen.innovation.funding.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import cn.jiangmen.innovation.platform.domain.Caller;
import cn.jiangmen.innovation.platform.domain.Ids;
import cn.jiangmen.innovation.platform.error.ConflictException;
import cn.jiangmen.innovation.platform.error.InvalidInputException;

import org.jmolecules.ddd.types.Identifier;

/**
 * A raise of a budget line's appropriation (追加预算指标): PREPARED by a finance officer, then
 * APPROVED (posted from the treasury) or REJECTED with a reason by a different finance approver.
 */
public record BudgetRaise(Id id, BudgetKey budget, long amountMinor, State state, Tranche.Person preparedBy,
		Instant preparedAt, Tranche.Person decidedBy, Instant decidedAt, String decisionReason, long version) {

	public enum State {

		PREPARED, APPROVED, REJECTED

	}

	public record Id(UUID value) implements Identifier {

		public Id {
			Ids.require(value);
		}

		@Override
		public String toString() {
			return this.value.toString();
		}

	}

	public BudgetRaise {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(budget, "budget");
		Objects.requireNonNull(state, "state");
		Objects.requireNonNull(preparedBy, "preparedBy");
	}

	public static BudgetRaise prepare(BudgetKey budget, long amountMinor, Caller maker, Instant now) {
		return new BudgetRaise(new Id(UUID.randomUUID()), budget, amountMinor, State.PREPARED, Tranche.Person.of(maker),
				now, null, null, null, 0);
	}

	public BudgetRaise decide(Caller checker, boolean approve, String reason, Instant now) {
		String why = reason == null ? "" : reason.strip();
		if (!approve && why.isEmpty()) {
			throw new InvalidInputException("reason", "required", "must say why the raise is rejected");
		}
		if (why.length() > Tranche.MAX_REASON_LENGTH) {
			throw new InvalidInputException("reason", "too-long", "must be at most " + Tranche.MAX_REASON_LENGTH + " characters");
		}
		if (this.state != State.PREPARED) {
			throw new ConflictException("budget-raise.already-decided", "The raise is already " + this.state);
		}
		return new BudgetRaise(this.id, this.budget, this.amountMinor, approve ? State.APPROVED : State.REJECTED,
				this.preparedBy, this.preparedAt, Tranche.Person.of(checker), now, why.isEmpty() ? null : why, this.version);
	}

}
