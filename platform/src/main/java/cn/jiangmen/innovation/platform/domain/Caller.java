package cn.jiangmen.innovation.platform.domain;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Who is calling, taken from the access token and nothing else (so per-object checks cannot be
 * spoofed by request parameters): the one caller type of every service. Each bounded context
 * keeps its own rules about what a caller may do (talent's {@code TalentAccess}, funding's
 * {@code FundingAccess}...), written as functions of this record.
 *
 * @param subject the token's {@code sub}: stable across renames, the key of per-person records
 * @param username {@code preferred_username}: what audit records and pages show
 * @param roles realm roles without the {@code ROLE_} prefix
 * @param organisationId the applicant's host organisation, when the token names one
 */
public record Caller(String subject, String username, Set<String> roles, Optional<UUID> organisationId) {

	public Caller {
		Objects.requireNonNull(subject, "subject");
		Objects.requireNonNull(username, "username");
		roles = Set.copyOf(roles);
		Objects.requireNonNull(organisationId, "organisationId");
	}

	/** A caller without an organisation whose subject is their username (tests, service accounts). */
	public static Caller of(String username, String... roles) {
		return new Caller(username, username, Set.of(roles), Optional.empty());
	}

	public boolean hasRole(String role) {
		return this.roles.contains(role);
	}

	public boolean hasAnyRole(Set<String> candidates) {
		return this.roles.stream().anyMatch(candidates::contains);
	}

	/** An applicant acting for an organisation (an applicant without one may do nothing). */
	public boolean isApplicantOf(UUID organisation) {
		return hasRole("applicant") && this.organisationId.filter(organisation::equals).isPresent();
	}

}
