package cn.jiangmen.innovation.funding.domain;

import java.util.Objects;
import java.util.UUID;

/** One line of a ledger transaction: exactly one of debit or credit is positive, in fen. */
public record LedgerEntry(UUID entryId, String account, long debitMinor, long creditMinor) {

	public LedgerEntry {
		Objects.requireNonNull(entryId, "entryId");
		Objects.requireNonNull(account, "account");
		if (debitMinor < 0 || creditMinor < 0 || (debitMinor == 0) == (creditMinor == 0)) {
			throw new IllegalArgumentException("An entry is either a debit or a credit, and positive");
		}
	}

	public static LedgerEntry debit(String account, long minor) {
		return new LedgerEntry(UUID.randomUUID(), account, minor, 0);
	}

	public static LedgerEntry credit(String account, long minor) {
		return new LedgerEntry(UUID.randomUUID(), account, 0, minor);
	}

}
