package cn.jiangmen.innovation.review.domain;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Who is on an item, as conflict detection needs it.
 *
 * @param organisationIds applicant, host and consortium organisations
 * @param leaderPersonKey the applicant or project leader
 * @param memberPersonKeys team members and co-applicants (the leader may be repeated)
 */
public record ItemParties(Set<UUID> organisationIds, Optional<String> leaderPersonKey, Set<String> memberPersonKeys) {

	public ItemParties {
		organisationIds = Set.copyOf(organisationIds);
		Objects.requireNonNull(leaderPersonKey, "leaderPersonKey");
		memberPersonKeys = Set.copyOf(memberPersonKeys);
	}

	public boolean involvesPerson(String personKey) {
		return this.memberPersonKeys.contains(personKey) || this.leaderPersonKey.filter(personKey::equals).isPresent();
	}

}
