package cn.jiangmen.innovation.funding.domain.subsidy;

/** Where a subsidy claim (post-subsidy 后补助 or interest subsidy 贷款贴息) is; {@link ClaimLifecycle} says how it moves. */
public enum ClaimState {

	/** the organisation submitted it with its evidence; the amount follows from the year's rule */
	SUBMITTED,
	/** a program manager checked the evidence; the amount is committed from the budget (pending transfer) */
	REVIEWED,
	/** a finance officer (经办) prepared the payment */
	PAYMENT_PREPARED,
	/** a different finance approver (复核) approved: the amount is payable to the organisation */
	APPROVED,
	/** the manager refused it at review, with a reason; nothing was committed */
	REFUSED

}
