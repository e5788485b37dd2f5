package cn.jiangmen.innovation.platform.domain;

import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

import cn.jiangmen.innovation.platform.error.InvalidInputException;

/**
 * The one way the suite declares a typed id: a record over a UUID that implements jMolecules'
 * {@link org.jmolecules.ddd.types.Identifier}, with this class doing the checks, e.g.
 *
 * <pre>{@code
 * public record CallId(UUID value) implements Identifier {
 *     public CallId { Ids.require(value); }
 *     public static CallId newId() { return new CallId(UUID.randomUUID()); }
 *     public static CallId parse(String text, String field) { return Ids.parse(text, field, CallId::new); }
 *     @Override public String toString() { return value.toString(); }
 * }
 * }</pre>
 */
public final class Ids {

	private Ids() {
	}

	/** An id is never null: a missing id is a programming error, not bad input. */
	public static UUID require(UUID value) {
		return Objects.requireNonNull(value, "id");
	}

	/** Parses an id from outside; anything but a UUID is bad input naming {@code field}. */
	public static <I> I parse(String text, String field, Function<UUID, I> type) {
		if (text == null || text.length() != 36) {
			throw malformed(field);
		}
		try {
			return type.apply(UUID.fromString(text));
		}
		catch (IllegalArgumentException ex) {
			throw malformed(field);
		}
	}

	private static InvalidInputException malformed(String field) {
		return new InvalidInputException(field, "id.malformed", "must be a UUID");
	}

}
