package cn.jiangmen.innovation.funding.domain.payment;

import java.time.Instant;
import java.util.UUID;

import cn.jiangmen.innovation.funding.domain.Tranche;
import cn.jiangmen.innovation.platform.error.ConflictException;

/**
 * One credit transfer of a batch: one tranche, paid to the beneficiary's account as it was when the
 * batch was made. {@code grossMinor} is the tranche; {@code offsetMinor} what a recovery (追回) kept
 * back from it; {@code amountMinor} what the bank is asked to pay.
 */
public record PaymentLine(UUID id, PaymentBatch.Id batchId, int lineNumber, Tranche.Id trancheId, UUID organisationId,
		String endToEndId, long grossMinor, long offsetMinor, long amountMinor, String creditorName,
		String creditorAccount, String creditorBankName, String creditorBankCode, State state, UUID sendTransferId,
		UUID settleTransferId, String bankStatus, String bankReason, Instant confirmedAt, long version) {

	public enum State {

		/** in a batch not sent yet */
		CREATED,
		/** in a file the bank has; the money is in transit (在途) */
		SENT,
		/** the bank confirmed (ACCP) */
		PAID,
		/** the bank refused (RJCT); the tranche is back in the queue */
		FAILED

	}

	public static PaymentLine of(PaymentBatch.Id batch, int number, Tranche tranche, UUID organisation, long offsetMinor,
			BeneficiaryAccount account) {
		UUID id = UUID.randomUUID();
		// EndToEndId: at most 35 characters, unique per line, so the bank's report names the line
		String endToEnd = "JM" + id.toString().replace("-", "").substring(0, 30).toUpperCase();
		return new PaymentLine(id, batch, number, tranche.id(), organisation, endToEnd, tranche.amountMinor(),
				offsetMinor, tranche.amountMinor() - offsetMinor, account.accountName(), account.accountNumber(),
				account.bankName(), account.bankCode(), State.CREATED, null, null, null, null, null, 0);
	}

	public PaymentLine sent(UUID transfer) {
		require(State.CREATED, "send");
		return new PaymentLine(this.id, this.batchId, this.lineNumber, this.trancheId, this.organisationId,
				this.endToEndId, this.grossMinor, this.offsetMinor, this.amountMinor, this.creditorName,
				this.creditorAccount, this.creditorBankName, this.creditorBankCode, State.SENT, transfer, null, null,
				null, null, this.version);
	}

	/** The bank's answer for this line: paid, or refused with its reason. */
	public PaymentLine confirmed(BankStatus status, String reason, UUID settleTransfer, Instant at) {
		require(State.SENT, "confirm");
		return new PaymentLine(this.id, this.batchId, this.lineNumber, this.trancheId, this.organisationId,
				this.endToEndId, this.grossMinor, this.offsetMinor, this.amountMinor, this.creditorName,
				this.creditorAccount, this.creditorBankName, this.creditorBankCode,
				status.paid() ? State.PAID : State.FAILED, this.sendTransferId, settleTransfer, status.name(), reason,
				at, this.version);
	}

	private void require(State expected, String action) {
		if (this.state != expected) {
			throw new ConflictException("payment-line.transition-not-allowed",
					"Line " + this.endToEndId + " is " + this.state + " and cannot " + action);
		}
	}

}
