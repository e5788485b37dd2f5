package cn.jiangmen.innovation.talent.domain;

import java.util.Objects;
import java.util.regex.Pattern;

import cn.jiangmen.innovation.platform.error.InvalidInputException;

/**
 * An ORCID iD ({@code 0000-0002-1825-0097}): four groups of four, the last character an
 * ISO 7064 MOD 11-2 check digit (0-9 or X) over the other fifteen digits.
 */
public record Orcid(String value) {

	private static final Pattern FORM = Pattern.compile("\\d{4}-\\d{4}-\\d{4}-\\d{3}[\\dX]");

	public Orcid {
		Objects.requireNonNull(value, "value");
		if (!FORM.matcher(value).matches() || checkDigit(value.replace("-", "").substring(0, 15)) != value
			.charAt(value.length() - 1)) {
			throw new IllegalArgumentException("Not an ORCID iD: " + value);
		}
	}

	/** Accepts the bare iD or the {@code https://orcid.org/} form; refuses naming {@code field}. */
	public static Orcid parse(String text, String field) {
		String candidate = text == null ? "" : text.strip();
		for (String prefix : new String[] { "https://orcid.org/", "http://orcid.org/" }) {
			if (candidate.startsWith(prefix)) {
				candidate = candidate.substring(prefix.length());
			}
		}
		candidate = candidate.replace('x', 'X');
		if (!FORM.matcher(candidate).matches()) {
			throw new InvalidInputException(field, "orcid.format", "must look like 0000-0002-1825-0097");
		}
		if (checkDigit(candidate.replace("-", "").substring(0, 15)) != candidate.charAt(candidate.length() - 1)) {
			throw new InvalidInputException(field, "orcid.check-digit", "has a wrong check digit");
		}
		return new Orcid(candidate);
	}

	/** ISO 7064 MOD 11-2 over fifteen digits. */
	static char checkDigit(String digits) {
		int total = 0;
		for (int i = 0; i < digits.length(); i++) {
			total = (total + (digits.charAt(i) - '0')) * 2;
		}
		int result = (12 - total % 11) % 11;
		return result == 10 ? 'X' : (char) ('0' + result);
	}

	@Override
	public String toString() {
		return this.value;
	}

}
