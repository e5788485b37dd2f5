package cn.jiangmen.innovation.review.domain;

import java.util.Objects;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * An organisation an expert works or worked at.
 *
 * @param untilYear the last year at the organisation; empty while the expert still works there
 */
public record Affiliation(UUID organisationId, String organisationName, int fromYear, OptionalInt untilYear) {

	public Affiliation {
		Objects.requireNonNull(organisationId, "organisationId");
		Objects.requireNonNull(organisationName, "organisationName");
		Objects.requireNonNull(untilYear, "untilYear");
		if (untilYear.isPresent() && untilYear.getAsInt() < fromYear) {
			throw new IllegalArgumentException("until before from");
		}
	}

	public static Affiliation current(UUID organisationId, String name, int fromYear) {
		return new Affiliation(organisationId, name, fromYear, OptionalInt.empty());
	}

	public static Affiliation past(UUID organisationId, String name, int fromYear, int untilYear) {
		return new Affiliation(organisationId, name, fromYear, OptionalInt.of(untilYear));
	}

	public boolean isCurrent() {
		return this.untilYear.isEmpty();
	}

	/** Whether the expert was at the organisation in {@code year} or at most {@code window} years before it. */
	public boolean within(int year, int window) {
		return isCurrent() || year - this.untilYear.getAsInt() <= window;
	}

}
