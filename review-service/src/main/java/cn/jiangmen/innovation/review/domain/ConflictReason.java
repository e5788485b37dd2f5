package cn.jiangmen.innovation.review.domain;

/** Why an expert may not review an item (NIH-style rules plus the manager's own). */
public enum ConflictReason {

	/** (a) works, or worked within the window, at an organisation on the item. */
	ORGANISATION,
	/** (b) is a team member or co-applicant of the item. */
	TEAM_MEMBER,
	/** (c) applied together with the item's leader within the window. */
	CO_APPLIED_WITH_LEADER,
	/** (d) declared: a declared relationship matches, or the expert declared a conflict on the item. */
	DECLARED,
	/** Recorded by a manager. */
	MANUAL

}
