package cn.jiangmen.innovation.funding.domain.subsidy;

/**
 * Finance's work queues over subsidy claims, as over tranches: to prepare (待经办: reviewed, the
 * amount committed, payment never rejected), to approve (待复核: prepared, waiting for a different
 * approver), rejected (已退回: the payment was rejected with a reason and the claim is back in
 * REVIEWED, to be prepared again).
 */
public enum ClaimQueue {

	TO_PREPARE, TO_APPROVE, REJECTED

}
