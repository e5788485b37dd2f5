package cn.jiangmen.innovation.review.domain;

import java.util.Objects;

import cn.jiangmen.innovation.platform.error.InvalidInputException;

/** An expert is a Keycloak user: the id is the token's {@code sub} claim. */
public record ExpertId(String subject) implements Comparable<ExpertId> {

	public ExpertId {
		Objects.requireNonNull(subject, "subject");
		if (subject.isBlank()) {
			throw new IllegalArgumentException("blank subject");
		}
	}

	/** An expert named in a request by subject; blank is bad input naming {@code field}. */
	public static ExpertId parse(String text, String field) {
		if (text == null || text.isBlank()) {
			throw new InvalidInputException(field, "required", "must be the expert's subject");
		}
		return new ExpertId(text.strip());
	}

	@Override
	public int compareTo(ExpertId other) {
		return this.subject.compareTo(other.subject);
	}

	@Override
	public String toString() {
		return this.subject;
	}

}
