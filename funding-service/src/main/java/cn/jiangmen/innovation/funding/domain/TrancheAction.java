package cn.jiangmen.innovation.funding.domain;

/** What can happen to a tranche; {@link TrancheLifecycle} says where each leads. */
public enum TrancheAction {

	/** maker (经办): asks for payment */
	PREPARE,
	/** checker (复核) */
	APPROVE,
	/** checker, with a reason */
	REJECT,
	/** put into a payment batch */
	BATCH,
	/** the bank confirmed the line */
	CONFIRM_PAID,
	/** the bank refused the line: back to the queue */
	CONFIRM_FAILED,
	/** the award is withdrawn before payment: the pending commitment is voided */
	CANCEL

}
