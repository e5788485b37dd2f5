package cn.jiangmen.innovation.review.domain;

import java.util.Objects;
import java.util.UUID;

/**
 * A relationship the expert declared up front (relative, student, business partner...), with a person
 * or an organisation; any item involving it is a conflict. A person is given by name and organisation
 * (from the directory) and {@code reference} is the key derived from them ({@code PersonNameKey});
 * relationships saved before that carry only the key typed, with no name.
 */
public record DeclaredRelationship(Kind kind, String reference, String note, String personName,
		UUID organisationId, String organisationName) {

	public enum Kind {

		/** {@code reference} is a person key. */
		PERSON,
		/** {@code reference} is an organisation id. */
		ORGANISATION

	}

	public DeclaredRelationship {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(reference, "reference");
		note = note == null ? "" : note;
		personName = personName == null ? "" : personName;
		organisationName = organisationName == null ? "" : organisationName;
	}

	/** An organisation, or a person as a bare key (as typed before people were given by name). */
	public DeclaredRelationship(Kind kind, String reference, String note) {
		this(kind, reference, note, "", null, "");
	}

	/** Whether a person was given by name (and the key derived) rather than as a typed key. */
	public boolean byName() {
		return this.kind == Kind.PERSON && !this.personName.isEmpty();
	}

}
