package cn.jiangmen.innovation.review.domain;

import java.util.Objects;
import java.util.UUID;

import cn.jiangmen.innovation.platform.error.InvalidInputException;

/** Identity of one item under review (a talent application or a project proposal). */
public record ReviewItemId(UUID value) {

	public ReviewItemId {
		Objects.requireNonNull(value, "value");
	}

	public static ReviewItemId newId() {
		return new ReviewItemId(UUID.randomUUID());
	}

	/** Parses an id from outside; anything but a UUID is bad input naming {@code field}. */
	public static ReviewItemId parse(String text, String field) {
		try {
			return new ReviewItemId(UUID.fromString(text));
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
