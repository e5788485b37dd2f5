package cn.jiangmen.innovation.talent.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import cn.jiangmen.innovation.talent.domain.ApplicationContent;
import cn.jiangmen.innovation.talent.domain.TalentApplication;
import cn.jiangmen.innovation.talent.domain.TeamMember;

/** An application as the REST API shows it (no identity document, only whether one was given). */
public record ApplicationView(UUID id, UUID callId, UUID organisationId, String title, String status,
		Instant updatedAt, long version, String category, String priorityField, String summary, HostView host,
		List<MemberView> team, Instant submittedAt, List<String> returnReasons, Instant correctionDueAt,
		String decisionNote, Integer rank, Integer scoreHundredths, Boolean passedThresholds) {

	public record HostView(String name, String creditCode, String kind) {
	}

	public record MemberView(String name, String role, String title, String degree, LocalDate birthDate,
			String nationality, String employer, Boolean fullTime, String orcid, boolean identityDocumentGiven) {

		static MemberView of(TeamMember m) {
			return new MemberView(m.name(), ApplicationView.name(m.role()), ApplicationView.name(m.title()),
					ApplicationView.name(m.degree()), m.birthDate(),
					m.nationality(), m.employer(), m.fullTime(), m.orcid() == null ? null : m.orcid().value(),
					m.identityHash() != null);
		}

	}

	static ApplicationView of(TalentApplication application) {
		ApplicationContent c = application.content();
		var outcome = application.reviewOutcome();
		return new ApplicationView(application.id().value(), application.callId().value(),
				application.organisationId().value(), application.title(), application.status().name(),
				application.updatedAt(), application.version(), name(c.category()), c.priorityField(), c.summary(),
				new HostView(c.host().name(), c.host().creditCode() == null ? null : c.host().creditCode().value(),
						name(c.host().kind())),
				c.team().stream().map(MemberView::of).toList(), application.submittedAt(),
				application.returnReasons(), application.correctionDueAt(), application.decisionNote(),
				outcome == null ? null : outcome.rank(), outcome == null ? null : outcome.scoreHundredths(),
				outcome == null ? null : outcome.passedThresholds());
	}

	private static String name(Enum<?> value) {
		return value == null ? null : value.name();
	}

}
