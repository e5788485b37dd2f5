package cn.jiangmen.innovation.project.domain;

/** Budget categories (预算科目) of a proposal. */
public enum BudgetCategory {

	/** 设备费 */
	EQUIPMENT,
	/** 材料费 */
	MATERIALS,
	/** 测试化验加工费 */
	TESTING,
	/** 劳务费 */
	LABOUR,
	/** 差旅/会议/国际合作交流费 */
	TRAVEL_AND_CONFERENCES,
	/** 外协费 */
	OUTSOURCING,
	OTHER

}
