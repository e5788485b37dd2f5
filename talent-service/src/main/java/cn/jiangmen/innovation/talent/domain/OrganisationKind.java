package cn.jiangmen.innovation.talent.domain;

/** Kinds of host organisation (依托单位). */
public enum OrganisationKind {

	ENTERPRISE, UNIVERSITY, INSTITUTE

}
