package cn.jiangmen.innovation.review.domain;

import java.util.Objects;
import java.util.UUID;

import cn.jiangmen.innovation.platform.error.InvalidInputException;

/** Identity of one review round (a panel reviewing a set of items with one rubric). */
public record RoundId(UUID value) {

	public RoundId {
		Objects.requireNonNull(value, "value");
	}

	public static RoundId newId() {
		return new RoundId(UUID.randomUUID());
	}

	public static RoundId parse(String text, String field) {
		try {
			return new RoundId(UUID.fromString(text));
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
