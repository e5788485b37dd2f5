package cn.jiangmen.innovation.project.domain;

/** Where a priority field comes from in the plan: city level (五(二)) or province-city linked (五(一), 四(二)). */
public enum FieldKind {

	CITY, PROVINCE_CITY_LINKED

}
