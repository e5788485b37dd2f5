package cn.jiangmen.innovation.project.domain.execution;

import java.time.Instant;
import java.util.Optional;

import cn.jiangmen.innovation.project.domain.OrganisationId;

/** A milestone not yet accepted that is due soon or overdue, with its project and when the watch noticed it. */
public record DueMilestone(PlannedMilestone milestone, String projectTitle, OrganisationId leadOrganisation,
		Optional<Instant> noticedAt) {

	/** Due within {@link #DUE_SOON_DAYS} days from today (inclusive), or before today. */
	public enum Window {

		DUE_SOON, OVERDUE

	}

	public static final int DUE_SOON_DAYS = 30;

}
