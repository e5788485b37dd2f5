package cn.jiangmen.innovation.funding.domain.ledger;

import java.util.Objects;

/**
 * An account's four balances in fen, as TigerBeetle keeps them. Pending amounts are promised
 * (a commitment, 承诺) but not yet moved; available counts them as gone.
 */
public record AccountBalance(String code, AccountLimit limit, long debitsPending, long creditsPending,
		long debitsPosted, long creditsPosted) {

	public AccountBalance {
		Objects.requireNonNull(code, "code");
		Objects.requireNonNull(limit, "limit");
	}

	public static AccountBalance empty(String code, AccountLimit limit) {
		return new AccountBalance(code, limit, 0, 0, 0, 0);
	}

	/** What may still be promised or paid from a credit-normal account (an appropriation). */
	public long available() {
		return this.creditsPosted - this.debitsPosted - this.debitsPending;
	}

	public boolean withinLimit() {
		boolean nonNegative = this.debitsPending >= 0 && this.creditsPending >= 0 && this.debitsPosted >= 0
				&& this.creditsPosted >= 0;
		return nonNegative && (this.limit == AccountLimit.NONE
				|| Math.addExact(this.debitsPending, this.debitsPosted) <= this.creditsPosted);
	}

	AccountBalance plus(long debitsPending, long creditsPending, long debitsPosted, long creditsPosted) {
		return new AccountBalance(this.code, this.limit, Math.addExact(this.debitsPending, debitsPending),
				Math.addExact(this.creditsPending, creditsPending), Math.addExact(this.debitsPosted, debitsPosted),
				Math.addExact(this.creditsPosted, creditsPosted));
	}

}
