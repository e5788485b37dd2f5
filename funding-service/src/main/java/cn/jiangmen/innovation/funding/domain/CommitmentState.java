package cn.jiangmen.innovation.funding.domain;

/** The outcome of a commit-award request; both outcomes are recorded, so retries get the same answer. */
public enum CommitmentState {

	COMMITTED, REFUSED_INSUFFICIENT_BUDGET

}
