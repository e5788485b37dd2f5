package cn.jiangmen.innovation.funding.domain.payment;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import cn.jiangmen.innovation.funding.domain.CommitmentId;
import cn.jiangmen.innovation.funding.domain.Tranche;
import cn.jiangmen.innovation.platform.domain.Ids;
import cn.jiangmen.innovation.platform.error.ConflictException;
import cn.jiangmen.innovation.platform.error.InvalidInputException;

import org.jmolecules.ddd.types.Identifier;

/**
 * A recovery demand (追回): money an organisation must give back on an award, after a failed
 * acceptance (验收不通过) or misconduct (违规). Four eyes: raised by a program manager or finance
 * officer, approved by a finance approver who did not raise it; then settled once, by repayment
 * (on the bank's confirmation) or by offset against the beneficiary's next tranche.
 *
 * <pre>
 * RAISED --approve--> APPROVED --repaid | offset--> SETTLED
 * RAISED --reject--> REJECTED
 * </pre>
 */
public record Recovery(Id id, CommitmentId commitmentId, UUID organisationId, Reason reason, String explanation,
		long amountMinor, Method method, State state, Tranche.Person raisedBy, Instant raisedAt, Tranche.Person decidedBy,
		Instant decidedAt, String decisionReason, Instant settledAt, UUID settlementTransferId, Tranche.Id offsetTrancheId,
		String bankReference, long version) {

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

	public enum Reason {

		/** 验收不通过 */
		FAILED_ACCEPTANCE,
		/** 违规 */
		MISCONDUCT

	}

	public enum Method {

		/** the beneficiary pays back; settled on the bank's confirmation */
		REPAYMENT,
		/** kept back from the beneficiary's next tranche that is larger than the demand */
		OFFSET

	}

	public enum State {

		RAISED, APPROVED, REJECTED, SETTLED

	}

	public static final int MAX_TEXT = 500;

	public Recovery {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(state, "state");
	}

	public static Recovery raise(CommitmentId award, UUID organisation, Reason reason, String explanation, long amount,
			Method method, Tranche.Person by, Instant now) {
		String why = explanation == null ? "" : explanation.strip();
		if (why.isEmpty()) {
			throw new InvalidInputException("explanation", "required", "must say what happened");
		}
		if (why.length() > MAX_TEXT) {
			throw new InvalidInputException("explanation", "too-long", "must be at most " + MAX_TEXT + " characters");
		}
		return new Recovery(Id.newId(), award, organisation, reason, why, amount, method, State.RAISED, by, now, null,
				null, null, null, null, null, null, 0);
	}

	public Recovery decide(Tranche.Person checker, boolean approve, String reason, Instant now) {
		if (this.state != State.RAISED) {
			throw new ConflictException("recovery.transition-not-allowed", "A " + this.state + " recovery cannot be decided");
		}
		String why = reason == null ? "" : reason.strip();
		if (!approve && why.isEmpty()) {
			throw new InvalidInputException("reason", "required", "must say why the recovery is rejected");
		}
		if (why.length() > MAX_TEXT) {
			throw new InvalidInputException("reason", "too-long", "must be at most " + MAX_TEXT + " characters");
		}
		return new Recovery(this.id, this.commitmentId, this.organisationId, this.reason, this.explanation,
				this.amountMinor, this.method, approve ? State.APPROVED : State.REJECTED, this.raisedBy, this.raisedAt,
				checker, now, why.isEmpty() ? null : why, null, null, null, null, this.version);
	}

	public Recovery repaid(String bankReference, UUID transfer, Instant now) {
		requireOpen(Method.REPAYMENT);
		return settled(transfer, null, bankReference, now);
	}

	public Recovery offset(Tranche.Id tranche, UUID transfer, Instant now) {
		requireOpen(Method.OFFSET);
		return settled(transfer, tranche, null, now);
	}

	private Recovery settled(UUID transfer, Tranche.Id tranche, String bankReference, Instant now) {
		return new Recovery(this.id, this.commitmentId, this.organisationId, this.reason, this.explanation,
				this.amountMinor, this.method, State.SETTLED, this.raisedBy, this.raisedAt, this.decidedBy,
				this.decidedAt, this.decisionReason, now, transfer, tranche, bankReference, this.version);
	}

	private void requireOpen(Method expected) {
		if (this.state != State.APPROVED) {
			throw new ConflictException("recovery.not-approved", "A " + this.state + " recovery cannot be settled");
		}
		if (this.method != expected) {
			throw new ConflictException("recovery.other-method", "This recovery is settled by " + this.method);
		}
	}

}
