package cn.jiangmen.innovation.review.domain;

import java.util.List;

/**
 * What a conflict's detail says, as a code with arguments, so that each reader words it in their own
 * language (the portal: {@code review.conflict.detail.<code>}). The English sentence each code also
 * records (the conflict's {@code detail}) is the one the rules wrote before codes existed, so that a
 * conflict found again is recognised as the same one and the migration could turn old sentences
 * into codes.
 */
public enum ConflictDetailCode {

	/** No rule's words: the detail is a manager's own text. */
	NONE(null, 0),
	/** Arguments: organisation name. */
	WORKS_AT("works at %s", 1),
	/** Arguments: organisation name, last year. */
	WORKED_AT("worked at %s until %s", 2),
	TEAM_MEMBER("is on the team of the item", 0),
	/** Arguments: year. */
	CO_APPLIED("applied together with the leader in %s", 1),
	RELATIONSHIP("declared relationship", 0),
	/** Arguments: the expert's note. */
	RELATIONSHIP_NOTE("declared relationship: %s", 1),
	DECLARED("declared by the expert", 0),
	/** Arguments: the expert's words. */
	DECLARED_NOTE("declared by the expert: %s", 1),
	/** Arguments: person name, organisation name. */
	RELATIONSHIP_PERSON("declared relationship with %s at %s", 2),
	/** Arguments: person name, organisation name, the expert's note. */
	RELATIONSHIP_PERSON_NOTE("declared relationship with %s at %s: %s", 3),
	/** Arguments: person name, organisation name, year. */
	CO_APPLIED_PERSON("applied together with the leader %s at %s in %s", 3);

	private final String english;

	private final int arguments;

	ConflictDetailCode(String english, int arguments) {
		this.english = english;
		this.arguments = arguments;
	}

	/** How many arguments the code takes. */
	public int arguments() {
		return this.arguments;
	}

	/** The English sentence recorded as the conflict's detail. */
	public String english(List<String> arguments) {
		if (this.english == null) {
			throw new IllegalStateException("A manager's conflict has no sentence of its own");
		}
		if (arguments.size() != this.arguments) {
			throw new IllegalArgumentException(name() + " takes " + this.arguments + " argument(s)");
		}
		return String.format(this.english, arguments.toArray());
	}

}
