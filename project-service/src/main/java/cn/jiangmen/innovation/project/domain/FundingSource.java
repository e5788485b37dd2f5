package cn.jiangmen.innovation.project.domain;

/** Where a budget line's money comes from. */
public enum FundingSource {

	/** 财政资金: what the bureau is asked for */
	FISCAL,
	/** 自筹资金 */
	SELF_RAISED,
	OTHER

}
