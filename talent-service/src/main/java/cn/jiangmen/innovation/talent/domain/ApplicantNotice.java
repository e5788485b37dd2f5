package cn.jiangmen.innovation.talent.domain;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * What the host organisation is told when the bureau or the province decides on its application:
 * the status it reached, when, and (for a return or rejection) the reasons given. The portal
 * translates the status; the reasons are the manager's own words.
 */
public record ApplicantNotice(UUID id, ApplicationId applicationId, OrganisationId organisationId,
		String applicationTitle, ApplicationStatus status, String detail, Instant at) {

	/** Decisions the applicant hears about; drafting, submitting and ranking are their own or internal. */
	public static final Set<ApplicationStatus> NOTIFIED = EnumSet.of(ApplicationStatus.RETURNED,
			ApplicationStatus.REJECTED, ApplicationStatus.UNDER_REVIEW, ApplicationStatus.RECOMMENDED,
			ApplicationStatus.AWARDED, ApplicationStatus.DECLINED);

	public ApplicantNotice {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(applicationId, "applicationId");
		Objects.requireNonNull(organisationId, "organisationId");
		Objects.requireNonNull(status, "status");
		Objects.requireNonNull(at, "at");
		detail = detail == null ? "" : detail;
	}

	/** The notice of the decision that just moved {@code application}, if the applicant hears of it. */
	public static java.util.Optional<ApplicantNotice> of(TalentApplication application) {
		if (!NOTIFIED.contains(application.status())) {
			return java.util.Optional.empty();
		}
		String detail = switch (application.status()) {
			case RETURNED -> String.join("\n", application.returnReasons());
			case REJECTED, AWARDED, DECLINED -> application.decisionNote();
			default -> "";
		};
		return java.util.Optional.of(new ApplicantNotice(UUID.randomUUID(), application.id(),
				application.organisationId(), application.title(), application.status(), detail,
				application.updatedAt()));
	}

}
