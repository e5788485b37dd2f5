package cn.jiangmen.innovation.funding.domain.instrument;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;

import cn.jiangmen.innovation.platform.error.FieldViolation;

/** Checks shared by the rules of every instrument. */
final class Rules {

	private static final Pattern PROGRAM_CODE = Pattern.compile("[a-z0-9][a-z0-9-]{1,63}");

	private Rules() {
	}

	static String programCode(String text, List<FieldViolation> violations) {
		String code = text == null ? "" : text.strip();
		if (!PROGRAM_CODE.matcher(code).matches()) {
			violations.add(new FieldViolation("programCode", "malformed",
					"must be a budget program code: lower-case letters, digits and '-', e.g. vouchers"));
		}
		return code;
	}

	static LocalDate date(String text, String field, List<FieldViolation> violations) {
		if (text == null || text.isBlank()) {
			violations.add(new FieldViolation(field, "required", "must be given as yyyy-MM-dd"));
			return null;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			violations.add(new FieldViolation(field, "date.malformed", "must be a date as yyyy-MM-dd"));
			return null;
		}
	}

}
