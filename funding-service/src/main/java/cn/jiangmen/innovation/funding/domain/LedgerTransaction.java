package cn.jiangmen.innovation.funding.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A balanced group of ledger entries: the sum of debits equals the sum of credits, always.
 * Entries are append-only; a correction is a reversing transaction.
 */
public record LedgerTransaction(UUID transactionId, Instant postedAt, String description, List<LedgerEntry> entries) {

	public LedgerTransaction {
		Objects.requireNonNull(transactionId, "transactionId");
		Objects.requireNonNull(postedAt, "postedAt");
		Objects.requireNonNull(description, "description");
		entries = List.copyOf(entries);
		if (entries.size() < 2) {
			throw new UnbalancedTransactionException("A transaction needs at least two entries");
		}
		long debits = entries.stream().mapToLong(LedgerEntry::debitMinor).reduce(0, Math::addExact);
		long credits = entries.stream().mapToLong(LedgerEntry::creditMinor).reduce(0, Math::addExact);
		if (debits != credits) {
			throw new UnbalancedTransactionException(
					"Debits " + debits + " and credits " + credits + " differ in transaction " + transactionId);
		}
	}

	public static LedgerTransaction of(UUID transactionId, Instant postedAt, String description,
			List<LedgerEntry> entries) {
		return new LedgerTransaction(transactionId, postedAt, description, entries);
	}

	/** The transaction that undoes this one: every debit becomes a credit and vice versa. */
	public LedgerTransaction reversal(UUID reversalId, Instant postedAt) {
		return new LedgerTransaction(reversalId, postedAt, "reversal of " + this.transactionId,
				this.entries.stream()
					.map(e -> new LedgerEntry(UUID.randomUUID(), e.account(), e.creditMinor(), e.debitMinor()))
					.toList());
	}

	public long totalMinor() {
		return this.entries.stream().mapToLong(LedgerEntry::debitMinor).sum();
	}

	/** A programming error, never a user's: the code refuses to post an unbalanced transaction. */
	public static class UnbalancedTransactionException extends IllegalStateException {

		public UnbalancedTransactionException(String message) {
			super(message);
		}

	}

}
