package cn.jiangmen.innovation.funding.domain.instrument;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import cn.jiangmen.innovation.funding.domain.subsidy.RecognitionLevel;
import cn.jiangmen.innovation.platform.error.FieldViolation;
import cn.jiangmen.innovation.platform.error.InvalidInputException;

/**
 * The post-subsidy rules (后补助) of one fiscal year: a fixed amount per recognition level for an
 * institution or incubator recognised within the window ("newly recognised"), paid from the budget
 * line while it lasts.
 *
 * @param programCode the budget line the subsidies are committed from (e.g. {@code post-subsidies})
 * @param nationalMinor amount for a national recognition, in fen
 * @param provincialMinor amount for a provincial recognition, in fen
 * @param cityMinor amount for a city recognition, in fen
 * @param recognisedFrom first recognition date that counts as new
 * @param recognisedUntil last recognition date that counts
 */
public record PostSubsidyRules(String programCode, long nationalMinor, long provincialMinor, long cityMinor,
		LocalDate recognisedFrom, LocalDate recognisedUntil) {

	public static PostSubsidyRules of(String programCode, long nationalMinor, long provincialMinor, long cityMinor,
			List<FieldViolation> amountViolations, String recognisedFrom, String recognisedUntil) {
		List<FieldViolation> violations = new ArrayList<>(amountViolations);
		String program = Rules.programCode(programCode, violations);
		LocalDate from = Rules.date(recognisedFrom, "recognisedFrom", violations);
		LocalDate until = Rules.date(recognisedUntil, "recognisedUntil", violations);
		if (from != null && until != null && until.isBefore(from)) {
			violations.add(new FieldViolation("recognisedUntil", "date.before-start", "must not be before recognisedFrom"));
		}
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		return new PostSubsidyRules(program, nationalMinor, provincialMinor, cityMinor, from, until);
	}

	public long amountFor(RecognitionLevel level) {
		return switch (level) {
			case NATIONAL -> this.nationalMinor;
			case PROVINCIAL -> this.provincialMinor;
			case CITY -> this.cityMinor;
		};
	}

	public boolean counts(LocalDate recognisedOn) {
		return !recognisedOn.isBefore(this.recognisedFrom) && !recognisedOn.isAfter(this.recognisedUntil);
	}

}
