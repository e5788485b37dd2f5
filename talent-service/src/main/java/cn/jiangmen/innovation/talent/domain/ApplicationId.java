package cn.jiangmen.innovation.talent.domain;

import java.util.Objects;
import java.util.UUID;

import cn.jiangmen.innovation.platform.error.InvalidInputException;

/** Identity of a talent application. */
public record ApplicationId(UUID value) {

	public ApplicationId {
		Objects.requireNonNull(value, "value");
	}

	public static ApplicationId newId() {
		return new ApplicationId(UUID.randomUUID());
	}

	/** Parses an id from outside; anything but a UUID is bad input naming {@code field}. */
	public static ApplicationId parse(String text, String field) {
		try {
			return new ApplicationId(UUID.fromString(text));
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
