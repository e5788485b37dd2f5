package cn.jiangmen.innovation.funding.domain;

import java.util.Objects;

/** A budget line: how much the program has for the year and how much is already committed. */
public record Budget(BudgetKey key, long totalMinor, long committedMinor, String currencyCode) {

	public Budget {
		Objects.requireNonNull(key, "key");
		Objects.requireNonNull(currencyCode, "currencyCode");
		if (totalMinor < 0 || committedMinor < 0 || committedMinor > totalMinor) {
			throw new IllegalArgumentException("A budget never goes below zero: " + key);
		}
	}

	public long availableMinor() {
		return this.totalMinor - this.committedMinor;
	}

	public boolean fits(long amountMinor) {
		return amountMinor > 0 && amountMinor <= availableMinor();
	}

}
