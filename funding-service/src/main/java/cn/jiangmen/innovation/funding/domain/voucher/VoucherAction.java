package cn.jiangmen.innovation.funding.domain.voucher;

/** What can happen to a voucher; {@link VoucherLifecycle} says where each leads. */
public enum VoucherAction {

	/** the enterprise it was issued to redeems it at a provider */
	REDEEM,
	/** a finance officer prepares the settlement on evidence */
	PREPARE_SETTLEMENT,
	/** a different finance approver approves the settlement */
	APPROVE_SETTLEMENT,
	/** the approver rejects it with a reason: back to REDEEMED, to be prepared again */
	REJECT_SETTLEMENT,
	/** the rule's end date passed unredeemed */
	EXPIRE

}
