package cn.jiangmen.innovation.project.domain;

import java.util.regex.Pattern;

import cn.jiangmen.innovation.platform.error.InvalidInputException;

/** The stable code of a priority field: lower-case words joined by '-', at most 64 characters. */
public record FieldCode(String value) {

	private static final Pattern FORMAT = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");

	public FieldCode {
		if (value == null || value.length() > 64 || !FORMAT.matcher(value).matches()) {
			throw new IllegalArgumentException("Not a field code: " + value);
		}
	}

	/** The code, or a 400 naming {@code field}. */
	public static FieldCode parse(String text, String field) {
		if (text == null || text.isBlank()) {
			throw new InvalidInputException(field, "required", "is required");
		}
		if (text.length() > 64 || !FORMAT.matcher(text).matches()) {
			throw new InvalidInputException(field, "field-code.format",
					"must be lower-case letters and digits in words joined by '-', at most 64 characters");
		}
		return new FieldCode(text);
	}

	@Override
	public String toString() {
		return this.value;
	}

}
