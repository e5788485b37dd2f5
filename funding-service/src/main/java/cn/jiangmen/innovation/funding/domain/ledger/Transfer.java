package cn.jiangmen.innovation.funding.domain.ledger;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One immutable movement of fen from a debit account to a credit account: double entry by
 * construction. Two-phase as in TigerBeetle: a {@link Kind#PENDING} transfer reserves the amount,
 * a later {@link Kind#POST_PENDING} moves it or a {@link Kind#VOID_PENDING} releases it, exactly once.
 * A correction is a new {@link Kind#SINGLE} transfer the other way that names what it reverses.
 */
public record Transfer(UUID id, Kind kind, String debitAccount, String creditAccount, long amountMinor,
		UUID pendingId, UUID reversesId, String description, Instant at) {

	public enum Kind {

		SINGLE, PENDING, POST_PENDING, VOID_PENDING

	}

	public Transfer {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(debitAccount, "debitAccount");
		Objects.requireNonNull(creditAccount, "creditAccount");
		Objects.requireNonNull(description, "description");
		Objects.requireNonNull(at, "at");
		if (amountMinor <= 0) {
			throw new IllegalArgumentException("A transfer moves a positive amount");
		}
		if (debitAccount.equals(creditAccount)) {
			throw new IllegalArgumentException("A transfer needs two different accounts");
		}
		boolean resolves = kind == Kind.POST_PENDING || kind == Kind.VOID_PENDING;
		if (resolves != (pendingId != null)) {
			throw new IllegalArgumentException("Only post and void name a pending transfer");
		}
	}

	public static Transfer single(String debit, String credit, long amount, String description, Instant at) {
		return new Transfer(UUID.randomUUID(), Kind.SINGLE, debit, credit, amount, null, null, description, at);
	}

	public static Transfer pending(UUID id, String debit, String credit, long amount, String description, Instant at) {
		return new Transfer(id, Kind.PENDING, debit, credit, amount, null, null, description, at);
	}

	/** Posts the whole pending amount (partial posts are not needed by any program). */
	public static Transfer post(Transfer pending, String description, Instant at) {
		return resolve(pending, Kind.POST_PENDING, description, at);
	}

	public static Transfer voiding(Transfer pending, String description, Instant at) {
		return resolve(pending, Kind.VOID_PENDING, description, at);
	}

	/** The correction of a posted single transfer: the same amount back, naming the original. */
	public Transfer reversal(String description, Instant at) {
		if (this.kind != Kind.SINGLE) {
			throw new IllegalStateException("Pending transfers are voided, not reversed");
		}
		return new Transfer(UUID.randomUUID(), Kind.SINGLE, this.creditAccount, this.debitAccount, this.amountMinor,
				null, this.id, description, at);
	}

	private static Transfer resolve(Transfer pending, Kind kind, String description, Instant at) {
		if (pending.kind != Kind.PENDING) {
			throw new IllegalStateException("Only a pending transfer is posted or voided");
		}
		return new Transfer(UUID.randomUUID(), kind, pending.debitAccount, pending.creditAccount,
				pending.amountMinor, pending.id, null, description, at);
	}

}
