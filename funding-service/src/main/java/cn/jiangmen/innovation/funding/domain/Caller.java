package cn.jiangmen.innovation.funding.domain;

import java.util.Set;

/** Who is calling, as far as funding rules care. */
public record Caller(String username, Set<String> roles) {

	static final Set<String> MAY_COMMIT = Set.of("service", "program-manager", "finance-officer");

	static final Set<String> MAY_READ_BUDGETS = Set.of("finance-officer", "finance-approver", "program-manager",
			"auditor");

	static final Set<String> MAY_CHECK_RELEASES = Set.of("finance-officer", "finance-approver", "program-manager");

	public Caller {
		roles = Set.copyOf(roles);
	}

	public boolean mayCommitAwards() {
		return this.roles.stream().anyMatch(MAY_COMMIT::contains);
	}

	public boolean mayReadBudgets() {
		return this.roles.stream().anyMatch(MAY_READ_BUDGETS::contains);
	}

	public boolean mayCheckReleases() {
		return this.roles.stream().anyMatch(MAY_CHECK_RELEASES::contains);
	}

}
