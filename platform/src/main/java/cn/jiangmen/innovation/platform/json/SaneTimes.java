package cn.jiangmen.innovation.platform.json;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * Dates the suite can store and exchange: years 1 to 9999, the range of ISO 8601 without
 * extensions and of protobuf's Timestamp (PostgreSQL would take more, the other services not).
 */
final class SaneTimes {

	static final int FIRST_YEAR = 1;

	static final int LAST_YEAR = 9999;

	private SaneTimes() {
	}

	static String problem(Object value) {
		int year;
		if (value instanceof Instant instant) {
			if (instant.isBefore(Instant.parse("0001-01-01T00:00:00Z"))
					|| instant.isAfter(Instant.parse("9999-12-31T23:59:59.999999999Z"))) {
				return outOfRange();
			}
			return null;
		}
		else if (value instanceof LocalDate date) {
			year = date.getYear();
		}
		else if (value instanceof LocalDateTime time) {
			year = time.getYear();
		}
		else if (value instanceof OffsetDateTime time) {
			year = time.withOffsetSameInstant(ZoneOffset.UTC).getYear();
		}
		else if (value instanceof ZonedDateTime time) {
			year = time.withZoneSameInstant(ZoneOffset.UTC).getYear();
		}
		else {
			return null;
		}
		return year < FIRST_YEAR || year > LAST_YEAR ? outOfRange() : null;
	}

	private static String outOfRange() {
		return "must lie between the years %d and %d".formatted(FIRST_YEAR, LAST_YEAR);
	}

}
