package cn.jiangmen.innovation.review.domain;

import java.util.Objects;

/** An expert is a Keycloak user: the id is the token's {@code sub} claim. */
public record ExpertId(String subject) implements Comparable<ExpertId> {

	public ExpertId {
		Objects.requireNonNull(subject, "subject");
		if (subject.isBlank()) {
			throw new IllegalArgumentException("blank subject");
		}
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
