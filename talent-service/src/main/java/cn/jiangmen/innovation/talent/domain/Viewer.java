package cn.jiangmen.innovation.talent.domain;

import java.util.Optional;
import java.util.Set;

/**
 * Who is looking, as far as talent rules care: applicants see their organisation's applications;
 * managers and auditors see all; experts see nothing here (only through review assignments).
 */
public record Viewer(String username, Set<String> roles, Optional<OrganisationId> organisationId) {

	static final Set<String> SEE_ALL = Set.of("program-manager", "auditor");

	public boolean seesAllApplications() {
		return this.roles.stream().anyMatch(SEE_ALL::contains);
	}

	public boolean isApplicant() {
		return this.roles.contains("applicant") && this.organisationId.isPresent();
	}

	/** Bureau staff who open calls and take formal-check and recommendation decisions. */
	public boolean isManager() {
		return this.roles.contains("program-manager");
	}

	/** The service account (review-service reporting outcomes). */
	public boolean isService() {
		return this.roles.contains("service");
	}

}
