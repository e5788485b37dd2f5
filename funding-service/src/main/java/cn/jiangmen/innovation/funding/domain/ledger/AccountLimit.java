package cn.jiangmen.innovation.funding.domain.ledger;

/**
 * An account's balance limit, as TigerBeetle's account flags: a budget's appropriation (预算指标)
 * may never pay or promise out more than was put in, pending promises included.
 */
public enum AccountLimit {

	/** A source or sink (the treasury, paid-out money): any balance. */
	NONE,

	/** debits_pending + debits_posted may never exceed credits_posted. */
	DEBITS_MUST_NOT_EXCEED_CREDITS

}
