package cn.jiangmen.innovation.review.domain;

/** Where the review of an item stands. A new item waits for a review round to be formed. */
public enum ReviewState {

	AWAITING_ROUND, IN_REVIEW, CONSENSUS, RANKED

}
