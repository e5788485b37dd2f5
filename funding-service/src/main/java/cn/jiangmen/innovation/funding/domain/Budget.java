package cn.jiangmen.innovation.funding.domain;

import java.util.Objects;

import cn.jiangmen.innovation.funding.domain.ledger.AccountBalance;

/**
 * A budget line (预算指标) as its appropriation account shows it: appropriated (posted credits),
 * pending commitments, posted (disbursed or approved) and available = appropriated − pending − posted.
 */
public record Budget(BudgetKey key, AccountBalance appropriation) {

	public static final String CURRENCY = "CNY";

	public Budget {
		Objects.requireNonNull(key, "key");
		Objects.requireNonNull(appropriation, "appropriation");
	}

	public long appropriatedMinor() {
		return this.appropriation.creditsPosted();
	}

	public long pendingMinor() {
		return this.appropriation.debitsPending();
	}

	public long postedMinor() {
		return this.appropriation.debitsPosted();
	}

	public long availableMinor() {
		return this.appropriation.available();
	}

}
