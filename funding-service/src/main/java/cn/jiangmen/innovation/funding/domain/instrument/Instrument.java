package cn.jiangmen.innovation.funding.domain.instrument;

/** The instruments whose rules a program manager sets per fiscal year. */
public enum Instrument {

	/** 科技创新券 */
	VOUCHER,
	/** 后补助 for newly recognised R&D institutions and incubators */
	POST_SUBSIDY,
	/** 贷款贴息 */
	INTEREST_SUBSIDY

}
