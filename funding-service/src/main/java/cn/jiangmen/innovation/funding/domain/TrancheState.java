package cn.jiangmen.innovation.funding.domain;

/** Where a tranche (拨付批次) is on its way from schedule to payment. */
public enum TrancheState {

	SCHEDULED, PREPARED, APPROVED, REJECTED, BATCHED, PAID, FAILED, CANCELLED

}
