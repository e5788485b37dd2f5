package cn.jiangmen.innovation.funding.domain.voucher;

/** Where an innovation voucher (科技创新券) is; {@link VoucherLifecycle} says how it moves. */
public enum VoucherState {

	/** issued to an enterprise; its face value is a pending transfer from the vouchers appropriation */
	ISSUED,
	/** redeemed (兑付申请) at a registered provider against a service contract */
	REDEEMED,
	/** finance (经办) prepared the settlement on evidence (invoice, contract) */
	SETTLEMENT_PREPARED,
	/** a different approver (复核) approved: the amount is payable to the provider */
	SETTLED,
	/** not redeemed by the rule's end date: the pending transfer is voided, the budget released */
	EXPIRED

}
