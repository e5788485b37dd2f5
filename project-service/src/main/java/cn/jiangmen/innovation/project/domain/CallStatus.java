package cn.jiangmen.innovation.project.domain;

/** Where a call (申报指南) is; {@link CallLifecycle} says how it moves. */
public enum CallStatus {

	/** being prepared; managers and auditors only */
	DRAFT,
	/** published (发布): takes proposals between its opening and closing times */
	PUBLISHED,
	/** closed by a manager: takes nothing more */
	CLOSED

}
