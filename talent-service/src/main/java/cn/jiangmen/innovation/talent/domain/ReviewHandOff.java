package cn.jiangmen.innovation.talent.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import cn.jiangmen.innovation.platform.domain.PersonNameKey;

/**
 * What review-service needs of an application that passed the formal check: its field to match
 * experts, its organisation (id and name, which experts see before declaring a conflict) and its
 * people to detect conflicts of interest. People are sent as person keys only, never names or
 * document numbers: each person by their own key ({@link TeamMember#personKey()}) and by name keys
 * (platform's {@link PersonNameKey}, keyed) for their name at the host organisation and at the
 * employer typed for them, which review-service derives alike from an expert who names a person and
 * an organisation.
 *
 * @param idempotencyKey stable per application, so a resent hand-off opens the review once
 * @param memberPersonKeys the other members' own keys, then their name keys
 * @param leaderNameKeys the leader's name keys
 */
public record ReviewHandOff(String idempotencyKey, ApplicationId applicationId, String title, List<String> fieldCodes,
		List<String> organisationIds, List<String> organisationNames, Instant submittedAt, String leaderPersonKey,
		List<String> memberPersonKeys, List<String> leaderNameKeys) {

	public ReviewHandOff {
		Objects.requireNonNull(idempotencyKey, "idempotencyKey");
		Objects.requireNonNull(applicationId, "applicationId");
		fieldCodes = List.copyOf(fieldCodes);
		organisationIds = List.copyOf(organisationIds);
		organisationNames = List.copyOf(organisationNames);
		memberPersonKeys = List.copyOf(memberPersonKeys);
		leaderNameKeys = List.copyOf(leaderNameKeys);
		leaderPersonKey = leaderPersonKey == null ? "" : leaderPersonKey;
	}

	public static String keyOf(ApplicationId id) {
		return "talent-application-" + id;
	}

	/** The hand-off of an application under review; {@code keys} makes the name keys. */
	public static ReviewHandOff of(TalentApplication application, PersonNameKey keys) {
		if (application.status() != ApplicationStatus.UNDER_REVIEW) {
			throw new IllegalStateException("Only an application under review is handed to review: " + application.id());
		}
		ApplicationContent content = application.content();
		String leaderKey = content.leader().flatMap(TeamMember::personKey).orElse("");
		String hostName = content.host().name() == null ? "" : content.host().name();
		List<TeamMember> others = content.team().stream().filter(member -> !member.isLeader()).toList();
		List<String> members = java.util.stream.Stream
			.concat(others.stream().map(TeamMember::personKey).flatMap(java.util.Optional::stream),
					others.stream().flatMap(member -> nameKeys(member, hostName, keys).stream()))
			.distinct()
			.toList();
		List<String> leaderNames = content.leader().map(leader -> nameKeys(leader, hostName, keys)).orElse(List.of());
		List<String> fields = content.priorityField() == null ? List.of() : List.of(content.priorityField());
		return new ReviewHandOff(keyOf(application.id()), application.id(), application.title(), fields,
				List.of(application.organisationId().toString()), List.of(hostName), application.submittedAt(), leaderKey,
				members, leaderNames);
	}

	/** The person's name at the host organisation and at their employer (often the same one). */
	private static List<String> nameKeys(TeamMember member, String hostName, PersonNameKey keys) {
		return java.util.stream.Stream.of(hostName, member.employer())
			.map(organisation -> keys.of(member.name(), organisation))
			.flatMap(java.util.Optional::stream)
			.distinct()
			.toList();
	}

}
