package cn.jiangmen.innovation.review.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Conflict-of-interest detection, a pure function of the expert's profile, the item's parties and
 * the reference year (the year the round is opened). Every rule that fires yields its own
 * {@link Conflict} with the reason, so managers can see all of them.
 */
public final class ConflictRules {

	/** Years after leaving an organisation, or after a joint application, during which it still counts. */
	public static final int WINDOW_YEARS = 3;

	private ConflictRules() {
	}

	public static List<Conflict> detect(Expert expert, ReviewItemId item, ItemParties parties, int referenceYear) {
		List<Conflict> conflicts = new ArrayList<>();
		for (Affiliation affiliation : expert.affiliations()) {
			if (parties.organisationIds().contains(affiliation.organisationId())
					&& affiliation.within(referenceYear, WINDOW_YEARS)) {
				conflicts.add(new Conflict(expert.id(), item, ConflictReason.ORGANISATION, affiliation.isCurrent()
						? "works at " + affiliation.organisationName()
						: "worked at " + affiliation.organisationName() + " until " + affiliation.untilYear().getAsInt()));
			}
		}
		if (parties.involvesPerson(expert.personKey())) {
			conflicts.add(new Conflict(expert.id(), item, ConflictReason.TEAM_MEMBER, "is on the team of the item"));
		}
		parties.leaderPersonKey().ifPresent(leader -> expert.coApplications()
			.stream()
			.filter(co -> co.personKey().equals(leader) && referenceYear - co.year() <= WINDOW_YEARS
					&& co.year() <= referenceYear)
			.map(CoApplication::year)
			.max(Integer::compare)
			.ifPresent(year -> conflicts.add(new Conflict(expert.id(), item, ConflictReason.CO_APPLIED_WITH_LEADER,
					"applied together with the leader in " + year))));
		for (DeclaredRelationship relationship : expert.relationships()) {
			boolean matches = switch (relationship.kind()) {
				case PERSON -> parties.involvesPerson(relationship.reference());
				case ORGANISATION -> parties.organisationIds()
					.stream()
					.anyMatch(org -> org.toString().equalsIgnoreCase(relationship.reference()));
			};
			if (matches) {
				conflicts.add(new Conflict(expert.id(), item, ConflictReason.DECLARED,
						"declared relationship" + (relationship.note().isBlank() ? "" : ": " + relationship.note())));
			}
		}
		return List.copyOf(conflicts);
	}

}
