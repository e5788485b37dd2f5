package cn.jiangmen.innovation.funding.domain.subsidy;

/** What was newly recognised (plan sections 三(一), 三(二)). */
public enum InstitutionKind {
	/** 新型研发机构 */
	RND_INSTITUTION,
	/** 科技企业孵化器 */
	INCUBATOR
}
