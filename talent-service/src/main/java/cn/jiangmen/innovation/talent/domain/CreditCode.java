package cn.jiangmen.innovation.talent.domain;

import java.util.Locale;
import java.util.Objects;

import cn.jiangmen.innovation.platform.error.InvalidInputException;

/**
 * A unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from a 31-character
 * alphabet (digits and upper-case letters without I, O, S, V, Z), the last one a check character
 * over the first 17 with the weights of the standard.
 */
public record CreditCode(String value) {

	static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

	static final int[] WEIGHTS = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

	public static final int LENGTH = 18;

	public CreditCode {
		Objects.requireNonNull(value, "value");
		String problem = problem(value);
		if (problem != null) {
			throw new IllegalArgumentException("Not a unified social credit code: " + value + " (" + problem + ")");
		}
	}

	/**
	 * Parses user input (surrounding blanks removed, lower case accepted), refusing it naming
	 * {@code field} with code {@code credit-code.length}, {@code credit-code.charset} or
	 * {@code credit-code.check-digit}.
	 */
	public static CreditCode parse(String text, String field) {
		String normalised = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
		String problem = problem(normalised);
		if (problem != null) {
			throw new InvalidInputException(field, "credit-code." + problem, switch (problem) {
				case "length" -> "must be 18 characters";
				case "charset" -> "may contain only digits and the letters of GB 32100-2015 (no I, O, S, V, Z)";
				default -> "has a wrong check character";
			});
		}
		return new CreditCode(normalised);
	}

	/** The check character GB 32100-2015 gives for the first 17 characters. */
	public static char checkCharacter(String first17) {
		if (first17.length() != LENGTH - 1) {
			throw new IllegalArgumentException("Need 17 characters, got " + first17.length());
		}
		int sum = 0;
		for (int i = 0; i < LENGTH - 1; i++) {
			int index = ALPHABET.indexOf(first17.charAt(i));
			if (index < 0) {
				throw new IllegalArgumentException("Not in the code alphabet: " + first17.charAt(i));
			}
			sum += index * WEIGHTS[i];
		}
		int check = 31 - (sum % 31);
		return ALPHABET.charAt(check == 31 ? 0 : check);
	}

	private static String problem(String code) {
		if (code.length() != LENGTH) {
			return "length";
		}
		for (int i = 0; i < LENGTH; i++) {
			if (ALPHABET.indexOf(code.charAt(i)) < 0) {
				return "charset";
			}
		}
		return checkCharacter(code.substring(0, LENGTH - 1)) == code.charAt(LENGTH - 1) ? null : "check-digit";
	}

	@Override
	public String toString() {
		return this.value;
	}

}
