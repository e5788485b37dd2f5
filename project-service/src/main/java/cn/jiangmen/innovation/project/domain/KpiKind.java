package cn.jiangmen.innovation.project.domain;

/** What a KPI (考核指标) counts. */
public enum KpiKind {

	/** 发明专利申请 */
	INVENTION_PATENTS_APPLIED,
	/** 发明专利授权 */
	INVENTION_PATENTS_GRANTED,
	/** 标准 (national, industry or group standards) */
	STANDARDS,
	/** 新增销售收入 */
	REVENUE,
	/** 样机/新产品 */
	PROTOTYPES,
	/** 新增就业 */
	JOBS,
	OTHER

}
