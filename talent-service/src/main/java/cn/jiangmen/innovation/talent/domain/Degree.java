package cn.jiangmen.innovation.talent.domain;

/** Highest academic degree. */
public enum Degree {

	DOCTORATE, MASTER, BACHELOR, OTHER

}
