package cn.jiangmen.innovation.talent.domain;

import java.util.Optional;
import java.util.Set;

import cn.jiangmen.innovation.platform.domain.Caller;

/**
 * Talent's rules about a {@link Caller}, as functions of the suite's one caller type: applicants
 * see their organisation's applications; managers and auditors see all; experts see nothing here
 * (only through review assignments).
 */
public final class TalentAccess {

	static final Set<String> SEE_ALL = Set.of("program-manager", "auditor");

	private TalentAccess() {
	}

	public static boolean seesAllApplications(Caller caller) {
		return caller.hasAnyRole(SEE_ALL);
	}

	/** An applicant with an organisation; an applicant token without one may do nothing. */
	public static boolean isApplicant(Caller caller) {
		return caller.hasRole("applicant") && caller.organisationId().isPresent();
	}

	/** The organisation an applicant acts for, typed for talent's aggregates. */
	public static Optional<OrganisationId> organisationOf(Caller caller) {
		return caller.organisationId().map(OrganisationId::new);
	}

	/** Bureau staff who open calls and take formal-check and recommendation decisions. */
	public static boolean isManager(Caller caller) {
		return caller.hasRole("program-manager");
	}

	/** The service account (review-service reporting outcomes). */
	public static boolean isService(Caller caller) {
		return caller.hasRole("service");
	}

	/** Experts may read documents of applications review-service confirms they review. */
	public static boolean isExpert(Caller caller) {
		return caller.hasRole("expert");
	}

}
