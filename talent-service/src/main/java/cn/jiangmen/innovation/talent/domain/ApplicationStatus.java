package cn.jiangmen.innovation.talent.domain;

/** Where an application stands in the talent programme's lifecycle (seed section 四(二)). */
public enum ApplicationStatus {

	DRAFT, SUBMITTED, WITHDRAWN, RETURNED, REJECTED, UNDER_REVIEW, RANKED, RECOMMENDED, AWARDED, DECLINED

}
