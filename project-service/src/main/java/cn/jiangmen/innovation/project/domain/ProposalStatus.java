package cn.jiangmen.innovation.project.domain;

/** Where a proposal (申报书) is; {@link ProposalLifecycle} says how it moves. */
public enum ProposalStatus {

	DRAFT, SUBMITTED, WITHDRAWN,
	/** returned for correction by the formal check (形式审查退回修改) */
	RETURNED,
	/** rejected by the formal check */
	REJECTED,
	/** passed the formal check; with the experts (专家评审) */
	UNDER_REVIEW,
	/** the panel's outcome is back */
	REVIEWED,
	/** approved (立项): a project exists */
	APPROVED,
	/** not approved after review */
	DECLINED

}
