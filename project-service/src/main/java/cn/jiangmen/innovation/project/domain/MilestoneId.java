package cn.jiangmen.innovation.project.domain;

import java.util.Objects;
import java.util.UUID;

import cn.jiangmen.innovation.platform.error.InvalidInputException;

/** Identity of a milestone. */
public record MilestoneId(UUID value) {

	public MilestoneId {
		Objects.requireNonNull(value, "value");
	}

	public static MilestoneId newId() {
		return new MilestoneId(UUID.randomUUID());
	}

	/** Parses an id from outside; anything but a UUID is bad input naming {@code field}. */
	public static MilestoneId parse(String text, String field) {
		try {
			return new MilestoneId(UUID.fromString(text));
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
