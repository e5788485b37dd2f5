package cn.jiangmen.innovation.platform.organisation;

/**
 * What kind of body an organisation is: the consortium rules (产学研) and the voucher rules turn on it.
 */
public enum OrganisationKind {
	/** 企业 */
	ENTERPRISE,
	/** 高等院校 */
	UNIVERSITY,
	/** 科研院所 */
	INSTITUTE,
	/** 科技服务机构 (innovation-voucher providers, incubators) */
	SERVICE_AGENCY,
	/** 其他 (public bodies, hospitals ...) */
	OTHER
}
