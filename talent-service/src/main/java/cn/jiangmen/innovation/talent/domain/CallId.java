package cn.jiangmen.innovation.talent.domain;

import java.util.Objects;
import java.util.UUID;

import cn.jiangmen.innovation.platform.error.InvalidInputException;

/** Identity of a talent call (申报批次, a round). */
public record CallId(UUID value) {

	public CallId {
		Objects.requireNonNull(value, "value");
	}

	public static CallId newId() {
		return new CallId(UUID.randomUUID());
	}

	/** Parses an id from outside; anything but a UUID is bad input naming {@code field}. */
	public static CallId parse(String text, String field) {
		try {
			return new CallId(UUID.fromString(text));
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
