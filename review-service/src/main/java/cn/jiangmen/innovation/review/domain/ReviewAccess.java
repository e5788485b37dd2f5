package cn.jiangmen.innovation.review.domain;

import java.util.Set;

import cn.jiangmen.innovation.platform.domain.Caller;

/**
 * What a caller may do in review, as functions of the suite's one {@link Caller}. Managers and
 * auditors see every item; experts see only items assigned to them (none until assignments exist);
 * applicants never see reviews.
 */
public final class ReviewAccess {

	static final Set<String> SEE_ALL = Set.of("program-manager", "auditor", "service");

	static final Set<String> MAY_OPEN = Set.of("program-manager", "service");

	private ReviewAccess() {
	}

	/** An expert is a Keycloak user: the caller's subject is their expert id. */
	public static ExpertId expertId(Caller caller) {
		return new ExpertId(caller.subject());
	}

	public static boolean isManager(Caller caller) {
		return caller.hasRole("program-manager");
	}

	public static boolean isExpert(Caller caller) {
		return caller.hasRole("expert");
	}

	public static boolean seesAllItems(Caller caller) {
		return caller.hasAnyRole(SEE_ALL);
	}

	/** Managers, auditors and the service account see rounds, conflicts and results. */
	public static boolean overseesRounds(Caller caller) {
		return seesAllItems(caller);
	}

	/** Whether the caller may look at review items at all (the list may still be empty). */
	public static boolean mayListItems(Caller caller) {
		return seesAllItems(caller) || isExpert(caller);
	}

	public static boolean mayOpenReviews(Caller caller) {
		return caller.hasAnyRole(MAY_OPEN);
	}

}
