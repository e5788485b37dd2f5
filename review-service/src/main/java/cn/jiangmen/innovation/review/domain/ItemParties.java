package cn.jiangmen.innovation.review.domain;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Who is on an item, as conflict detection needs it.
 *
 * @param organisationIds applicant, host and consortium organisations
 * @param leaderPersonKey the applicant or project leader, by the owner's own key
 * @param leaderNameKeys the leader by name and organisation ({@code PersonNameKey}), one per organisation
 * @param memberPersonKeys team members and co-applicants, by the owner's keys and by name keys (the
 * leader may be repeated)
 */
public record ItemParties(Set<UUID> organisationIds, Optional<String> leaderPersonKey, Set<String> leaderNameKeys,
		Set<String> memberPersonKeys) {

	public ItemParties {
		organisationIds = Set.copyOf(organisationIds);
		Objects.requireNonNull(leaderPersonKey, "leaderPersonKey");
		leaderNameKeys = Set.copyOf(leaderNameKeys);
		memberPersonKeys = Set.copyOf(memberPersonKeys);
	}

	/** An item whose owner sends no name keys. */
	public ItemParties(Set<UUID> organisationIds, Optional<String> leaderPersonKey, Set<String> memberPersonKeys) {
		this(organisationIds, leaderPersonKey, Set.of(), memberPersonKeys);
	}

	public boolean involvesPerson(String personKey) {
		return this.memberPersonKeys.contains(personKey) || isLeader(personKey);
	}

	/** Whether the key is one of the leader's (the owner's own key or a name key). */
	public boolean isLeader(String personKey) {
		return this.leaderPersonKey.filter(personKey::equals).isPresent() || this.leaderNameKeys.contains(personKey);
	}

}
