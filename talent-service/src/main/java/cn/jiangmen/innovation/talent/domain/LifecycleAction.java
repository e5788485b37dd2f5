package cn.jiangmen.innovation.talent.domain;

/** What can happen to an application; {@link ApplicationLifecycle} says from where to where. */
public enum LifecycleAction {

	SUBMIT, WITHDRAW, PASS_FORMAL_CHECK, RETURN_FOR_CORRECTION, REJECT, RECORD_REVIEW_OUTCOME, RECOMMEND, AWARD,
	DECLINE

}
