package cn.jiangmen.innovation.funding.domain.payment;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import cn.jiangmen.innovation.funding.domain.Tranche;
import cn.jiangmen.innovation.platform.domain.Ids;
import cn.jiangmen.innovation.platform.error.ConflictException;

import org.jmolecules.ddd.types.Identifier;

/**
 * A payment batch (支付批次): approved tranches in one credit-transfer file for the bank.
 *
 * <pre>
 * CREATED --send--> SENT --every line confirmed--> CLOSED
 * </pre>
 *
 * The number of transactions and the control sum are fixed when the batch is made; the file
 * states them and the bank checks them.
 */
public record PaymentBatch(Id id, String reference, State state, int lineCount, long controlSumMinor,
		Tranche.Person createdBy, Instant createdAt, Tranche.Person sentBy, Instant sentAt, Instant closedAt, long version,
		List<PaymentLine> lines) {

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

	public enum State {

		CREATED, SENT, CLOSED

	}

	public PaymentBatch {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(state, "state");
		lines = List.copyOf(lines);
	}

	public static PaymentBatch create(Id id, Tranche.Person by, Instant now, List<PaymentLine> lines) {
		long sum = lines.stream().mapToLong(PaymentLine::amountMinor).sum();
		// MsgId: at most 35 characters, unique per file
		String reference = "JMB" + id.value().toString().replace("-", "").substring(0, 29).toUpperCase();
		return new PaymentBatch(id, reference, State.CREATED, lines.size(), sum, by, now, null, null, null, 0, lines);
	}

	public PaymentBatch sent(Tranche.Person by, Instant now, List<PaymentLine> sentLines) {
		if (this.state != State.CREATED) {
			throw new ConflictException("batch.already-sent", "Batch " + this.reference + " is " + this.state);
		}
		return new PaymentBatch(this.id, this.reference, State.SENT, this.lineCount, this.controlSumMinor,
				this.createdBy, this.createdAt, by, now, null, this.version, sentLines);
	}

	/** Closed once the bank has answered for every line. */
	public PaymentBatch withLines(List<PaymentLine> confirmed, Instant now) {
		boolean open = confirmed.stream().anyMatch(l -> l.state() == PaymentLine.State.SENT);
		return new PaymentBatch(this.id, this.reference, open ? this.state : State.CLOSED, this.lineCount,
				this.controlSumMinor, this.createdBy, this.createdAt, this.sentBy, this.sentAt, open ? null : now,
				this.version, confirmed);
	}

}
