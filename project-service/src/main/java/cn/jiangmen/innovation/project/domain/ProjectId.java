package cn.jiangmen.innovation.project.domain;

import java.util.Objects;
import java.util.UUID;

import cn.jiangmen.innovation.platform.error.InvalidInputException;

/** Identity of a project. */
public record ProjectId(UUID value) {

	public ProjectId {
		Objects.requireNonNull(value, "value");
	}

	public static ProjectId newId() {
		return new ProjectId(UUID.randomUUID());
	}

	/** Parses an id from outside; anything but a UUID is bad input naming {@code field}. */
	public static ProjectId parse(String text, String field) {
		try {
			return new ProjectId(UUID.fromString(text));
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
