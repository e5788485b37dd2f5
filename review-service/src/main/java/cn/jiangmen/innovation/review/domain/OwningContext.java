package cn.jiangmen.innovation.review.domain;

/** The service that owns a reviewed item, so that results can be reported back to it. */
public enum OwningContext {

	TALENT, PROJECT

}
