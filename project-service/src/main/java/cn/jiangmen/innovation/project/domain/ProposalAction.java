package cn.jiangmen.innovation.project.domain;

/** What can happen to a proposal; {@link ProposalLifecycle} says from where to where. */
public enum ProposalAction {

	SUBMIT, WITHDRAW, PASS_FORMAL_CHECK, RETURN_FOR_CORRECTION, REJECT, RECORD_REVIEW_OUTCOME, APPROVE, DECLINE

}
