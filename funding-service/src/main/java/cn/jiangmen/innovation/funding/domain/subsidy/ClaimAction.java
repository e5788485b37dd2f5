package cn.jiangmen.innovation.funding.domain.subsidy;

/** What can happen to a subsidy claim; {@link ClaimLifecycle} says where each leads. */
public enum ClaimAction {

	/** a program manager accepts the evidence */
	PASS_REVIEW,
	/** a program manager refuses the claim, with a reason */
	REFUSE,
	/** a finance officer prepares the payment */
	PREPARE_PAYMENT,
	/** a different finance approver approves it */
	APPROVE_PAYMENT,
	/** the approver sends it back with a reason: to be prepared again */
	REJECT_PAYMENT

}
