package cn.jiangmen.innovation.funding.domain;

import java.util.Set;

import cn.jiangmen.innovation.platform.domain.Caller;

/** What a caller may do with money, as funding rules see it. */
public final class FundingAccess {

	static final Set<String> MAY_COMMIT = Set.of("service", "program-manager", "finance-officer");

	static final Set<String> MAY_READ_BUDGETS = Set.of("finance-officer", "finance-approver", "program-manager",
			"auditor");

	static final Set<String> MAY_CHECK_RELEASES = Set.of("finance-officer", "finance-approver", "program-manager");

	private FundingAccess() {
	}

	public static boolean mayCommitAwards(Caller caller) {
		return caller.hasAnyRole(MAY_COMMIT);
	}

	public static boolean mayReadBudgets(Caller caller) {
		return caller.hasAnyRole(MAY_READ_BUDGETS);
	}

	public static boolean mayCheckReleases(Caller caller) {
		return caller.hasAnyRole(MAY_CHECK_RELEASES);
	}

}
