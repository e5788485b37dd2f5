package cn.jiangmen.innovation.funding.domain;

import java.util.Set;
import java.util.UUID;

import cn.jiangmen.innovation.platform.domain.Caller;

/** What a caller may do with money, as funding rules see it. */
public final class FundingAccess {

	static final Set<String> MAY_COMMIT = Set.of("service", "program-manager", "finance-officer");

	static final Set<String> MAY_READ_BUDGETS = Set.of("finance-officer", "finance-approver", "program-manager",
			"auditor");

	static final Set<String> MAY_CHECK_RELEASES = Set.of("finance-officer", "finance-approver", "program-manager");

	static final Set<String> READS_ALL_AWARDS = Set.of("finance-officer", "finance-approver", "program-manager",
			"auditor", "service");

	static final Set<String> WORKS_FINANCE_QUEUES = Set.of("finance-officer", "finance-approver", "auditor");

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

	/** Makers (经办): create budget lines, prepare raises and tranches. */
	public static boolean isMaker(Caller caller) {
		return caller.hasRole("finance-officer");
	}

	/**
	 * Four eyes (四眼原则): a checker decides only what somebody else prepared. Compared by token
	 * subject, so neither a second username nor holding both roles lets a maker approve their own
	 * (Fineract's FINERACT-1854 was a checker bypass of exactly this kind).
	 */
	public static boolean mayDecide(Caller checker, String makerSubject) {
		return checker.hasRole("finance-approver") && makerSubject != null && !makerSubject.equals(checker.subject());
	}

	/** Awards, schedules and payments: finance, managers and auditors all; applicants their organisation's. */
	public static boolean mayReadAward(Caller caller, UUID recipientOrganisation) {
		return caller.hasAnyRole(READS_ALL_AWARDS) || caller.isApplicantOf(recipientOrganisation);
	}

	/** The tranche queues (待经办 / 待复核 / 已退回): finance, and auditors who read everything. */
	public static boolean mayReadTrancheQueues(Caller caller) {
		return caller.hasAnyRole(WORKS_FINANCE_QUEUES);
	}

	/** Every organisation's awards at once (a beneficiary list, a statement of any organisation). */
	public static boolean mayReadAllAwards(Caller caller) {
		return caller.hasAnyRole(READS_ALL_AWARDS);
	}

}
