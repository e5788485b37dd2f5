package cn.jiangmen.innovation.project.domain;

import java.util.Set;

import cn.jiangmen.innovation.platform.domain.Caller;

/** What a caller may do with projects, as project rules see it; which projects is decided per object. */
public final class ProjectAccess {

	static final Set<String> SEE_ALL = Set.of("service", "program-manager", "finance-officer", "finance-approver",
			"auditor");

	private ProjectAccess() {
	}

	public static boolean seesAllProjects(Caller caller) {
		return caller.hasAnyRole(SEE_ALL);
	}

	/** An applicant acting for an organisation; an applicant without one sees nothing. */
	public static boolean isApplicant(Caller caller) {
		return caller.hasRole("applicant") && caller.organisationId().isPresent();
	}

	/** Whether milestone status may be asked at all. */
	public static boolean mayReadMilestones(Caller caller) {
		return seesAllProjects(caller) || isApplicant(caller);
	}

	public static boolean mayDecideMilestones(Caller caller) {
		return caller.hasRole("program-manager");
	}

	/**
	 * Who reads an approved project's execution (task book, milestones, reports, changes, rounds):
	 * bureau roles and the applicants of the consortium's organisations, lead or partner. Partners
	 * read; only the lead acts ({@link #isLeadApplicant}).
	 */
	public static boolean mayReadExecution(Caller caller, OrganisationId leadOrganisation, boolean callerIsPartner) {
		return seesAllProjects(caller) || isLeadApplicant(caller, leadOrganisation)
				|| (isApplicant(caller) && callerIsPartner);
	}

	/** Accepting the task book, reporting progress and asking for changes are the lead organisation's. */
	public static boolean isLeadApplicant(Caller caller, OrganisationId leadOrganisation) {
		return caller.isApplicantOf(leadOrganisation.value());
	}

	/** Issuing and countersigning task books, milestone decisions, changes and check rounds. */
	public static boolean mayManageExecution(Caller caller) {
		return caller.hasRole("program-manager");
	}

	/** Reference data (priority fields) is the operators' job, not a program decision. */
	public static boolean mayManageFields(Caller caller) {
		return caller.hasRole("admin");
	}

	/** Calls (申报指南), formal checks, approval (立项): the bureau's program managers. */
	public static boolean mayManageCalls(Caller caller) {
		return caller.hasRole("program-manager");
	}

	/** Draft calls are the bureau's (and the auditors') until published. */
	public static boolean seesDraftCalls(Caller caller) {
		return caller.hasAnyRole(Set.of("program-manager", "auditor", "service"));
	}

	/** review-service delivering an outcome, under the suite's service account. */
	public static boolean isService(Caller caller) {
		return caller.hasRole("service");
	}

}
