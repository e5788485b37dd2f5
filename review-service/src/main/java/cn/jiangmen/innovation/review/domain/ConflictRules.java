package cn.jiangmen.innovation.review.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Conflict-of-interest detection, a pure function of the expert's profile, the item's parties and
 * the reference year (the year the round is opened). Every rule that fires yields its own
 * {@link Conflict} with the reason and a coded detail, so managers can see all of them in their language.
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
				conflicts.add(affiliation.isCurrent()
						? Conflict.coded(expert.id(), item, ConflictReason.ORGANISATION, ConflictDetailCode.WORKS_AT,
								affiliation.organisationName())
						: Conflict.coded(expert.id(), item, ConflictReason.ORGANISATION, ConflictDetailCode.WORKED_AT,
								affiliation.organisationName(), Integer.toString(affiliation.untilYear().getAsInt())));
			}
		}
		if (parties.involvesPerson(expert.personKey())) {
			conflicts.add(Conflict.coded(expert.id(), item, ConflictReason.TEAM_MEMBER, ConflictDetailCode.TEAM_MEMBER));
		}
		expert.coApplications()
			.stream()
			.filter(co -> parties.isLeader(co.personKey()) && referenceYear - co.year() <= WINDOW_YEARS
					&& co.year() <= referenceYear)
			.max(Comparator.comparingInt(CoApplication::year))
			.ifPresent(co -> conflicts.add(co.byName()
					? Conflict.coded(expert.id(), item, ConflictReason.CO_APPLIED_WITH_LEADER,
							ConflictDetailCode.CO_APPLIED_PERSON, co.personName(), co.organisationName(),
							Integer.toString(co.year()))
					: Conflict.coded(expert.id(), item, ConflictReason.CO_APPLIED_WITH_LEADER,
							ConflictDetailCode.CO_APPLIED, Integer.toString(co.year()))));
		for (DeclaredRelationship relationship : expert.relationships()) {
			boolean matches = switch (relationship.kind()) {
				case PERSON -> parties.involvesPerson(relationship.reference());
				case ORGANISATION -> parties.organisationIds()
					.stream()
					.anyMatch(org -> org.toString().equalsIgnoreCase(relationship.reference()));
			};
			if (matches) {
				conflicts.add(declared(expert, item, relationship));
			}
		}
		return List.copyOf(conflicts);
	}

	private static Conflict declared(Expert expert, ReviewItemId item, DeclaredRelationship relationship) {
		boolean noted = !relationship.note().isBlank();
		if (relationship.byName()) {
			return noted
					? Conflict.coded(expert.id(), item, ConflictReason.DECLARED, ConflictDetailCode.RELATIONSHIP_PERSON_NOTE,
							relationship.personName(), relationship.organisationName(), relationship.note())
					: Conflict.coded(expert.id(), item, ConflictReason.DECLARED, ConflictDetailCode.RELATIONSHIP_PERSON,
							relationship.personName(), relationship.organisationName());
		}
		return noted
				? Conflict.coded(expert.id(), item, ConflictReason.DECLARED, ConflictDetailCode.RELATIONSHIP_NOTE,
						relationship.note())
				: Conflict.coded(expert.id(), item, ConflictReason.DECLARED, ConflictDetailCode.RELATIONSHIP);
	}

}
