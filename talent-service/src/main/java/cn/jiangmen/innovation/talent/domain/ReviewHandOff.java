package cn.jiangmen.innovation.talent.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What review-service needs of an application that passed the formal check: its field to match
 * experts, its organisation (id and name, which experts see before declaring a conflict) and its
 * people to detect conflicts of interest. People are sent as person keys only, never names or
 * document numbers.
 *
 * @param idempotencyKey stable per application, so a resent hand-off opens the review once
 */
public record ReviewHandOff(String idempotencyKey, ApplicationId applicationId, String title, List<String> fieldCodes,
		List<String> organisationIds, List<String> organisationNames, Instant submittedAt, String leaderPersonKey,
		List<String> memberPersonKeys) {

	public ReviewHandOff {
		Objects.requireNonNull(idempotencyKey, "idempotencyKey");
		Objects.requireNonNull(applicationId, "applicationId");
		fieldCodes = List.copyOf(fieldCodes);
		organisationIds = List.copyOf(organisationIds);
		organisationNames = List.copyOf(organisationNames);
		memberPersonKeys = List.copyOf(memberPersonKeys);
		leaderPersonKey = leaderPersonKey == null ? "" : leaderPersonKey;
	}

	public static String keyOf(ApplicationId id) {
		return "talent-application-" + id;
	}

	/** The hand-off of an application under review. */
	public static ReviewHandOff of(TalentApplication application) {
		if (application.status() != ApplicationStatus.UNDER_REVIEW) {
			throw new IllegalStateException("Only an application under review is handed to review: " + application.id());
		}
		ApplicationContent content = application.content();
		String leaderKey = content.leader().flatMap(TeamMember::personKey).orElse("");
		List<String> members = content.team()
			.stream()
			.filter(member -> !member.isLeader())
			.map(TeamMember::personKey)
			.flatMap(java.util.Optional::stream)
			.distinct()
			.toList();
		List<String> fields = content.priorityField() == null ? List.of() : List.of(content.priorityField());
		String hostName = content.host().name() == null ? "" : content.host().name();
		return new ReviewHandOff(keyOf(application.id()), application.id(), application.title(), fields,
				List.of(application.organisationId().toString()), List.of(hostName), application.submittedAt(), leaderKey,
				members);
	}

}
