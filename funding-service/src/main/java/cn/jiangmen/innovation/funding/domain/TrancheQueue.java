package cn.jiangmen.innovation.funding.domain;

import java.util.Set;

/**
 * Finance's work queues over tranches: to prepare (待经办: scheduled and due), to approve (待复核:
 * prepared, waiting for a different approver), rejected (已退回: back to the maker with a reason),
 * to pay (待支付: approved, or refused by the bank and back in the queue, waiting for a batch).
 */
public enum TrancheQueue {

	TO_PREPARE(Set.of(TrancheState.SCHEDULED)), TO_APPROVE(Set.of(TrancheState.PREPARED)),
	REJECTED(Set.of(TrancheState.REJECTED)), TO_PAY(Set.of(TrancheState.APPROVED, TrancheState.FAILED));

	private final Set<TrancheState> states;

	TrancheQueue(Set<TrancheState> states) {
		this.states = states;
	}

	public Set<TrancheState> states() {
		return this.states;
	}

	/** Only the to-prepare queue waits for a date: an instalment is not work before it is due. */
	public boolean waitsForDueDate() {
		return this == TO_PREPARE;
	}

}
