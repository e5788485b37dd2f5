package cn.jiangmen.innovation.review.domain;

import java.util.Objects;

/**
 * A relationship the expert declared up front (relative, student, business partner...), with a person
 * or an organisation; any item involving it is a conflict.
 */
public record DeclaredRelationship(Kind kind, String reference, String note) {

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
	}

}
