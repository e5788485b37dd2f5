package cn.jiangmen.innovation.review.domain;

import java.util.Objects;
import java.util.UUID;

import cn.jiangmen.innovation.platform.error.InvalidInputException;

/** Identity of one expert's assignment to one item. */
public record AssignmentId(UUID value) {

	public AssignmentId {
		Objects.requireNonNull(value, "value");
	}

	public static AssignmentId newId() {
		return new AssignmentId(UUID.randomUUID());
	}

	public static AssignmentId parse(String text, String field) {
		try {
			return new AssignmentId(UUID.fromString(text));
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			throw new InvalidInputException(field, "id.malformed", "must be a UUID");
		}
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
