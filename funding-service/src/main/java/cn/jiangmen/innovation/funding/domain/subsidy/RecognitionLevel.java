package cn.jiangmen.innovation.funding.domain.subsidy;

/** Who recognised the institution (认定级别); the post-subsidy amount turns on it. */
public enum RecognitionLevel {
	/** 国家级 */
	NATIONAL,
	/** 省级 */
	PROVINCIAL,
	/** 市级 */
	CITY
}
