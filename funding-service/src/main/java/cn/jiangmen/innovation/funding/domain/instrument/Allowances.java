package cn.jiangmen.innovation.funding.domain.instrument;

import java.util.UUID;

/** What each organisation was granted per instrument and fiscal year, against the rule's yearly cap. */
public interface Allowances {

	/**
	 * Adds {@code amountMinor} to what the organisation was granted in the year, only if it stays
	 * within {@code capMinor} (the cap of the year's current rule); false, and nothing changed,
	 * otherwise. Atomic under the allowance's row lock, so concurrent grants never pass the cap.
	 */
	boolean take(Instrument instrument, UUID organisation, int fiscalYear, long amountMinor, long capMinor);

	/** Gives back what was granted and then released (a refused or withdrawn claim). */
	void giveBack(Instrument instrument, UUID organisation, int fiscalYear, long amountMinor);

	long used(Instrument instrument, UUID organisation, int fiscalYear);

}
