package cn.jiangmen.innovation.project.domain;

import java.math.BigDecimal;
import java.util.List;

import cn.jiangmen.innovation.platform.error.FieldViolation;

/**
 * Money as REST shows it: yuan as a decimal string ("1234.56"); fen (long) everywhere else, as
 * funding-service does. Refusals name the field.
 */
public final class Yuan {

	/** 一千亿元: far above any project, far below a long's overflow when summed. */
	public static final long MAX_FEN = 10_000_000_000_000L;

	private Yuan() {
	}

	/** Fen from yuan text; null (and a violation) when it is not a positive amount of whole fen. */
	public static Long parse(String yuan, String field, List<FieldViolation> violations) {
		if (yuan == null || yuan.isBlank()) {
			violations.add(new FieldViolation(field, "required", "must be given, in yuan, e.g. \"1234.56\""));
			return null;
		}
		BigDecimal value;
		try {
			value = new BigDecimal(yuan.strip());
		}
		catch (NumberFormatException ex) {
			violations.add(new FieldViolation(field, "amount.malformed", "must be a decimal number of yuan"));
			return null;
		}
		if (value.signum() <= 0) {
			violations.add(new FieldViolation(field, "amount.not-positive", "must be positive"));
			return null;
		}
		if (value.stripTrailingZeros().scale() > 2) {
			violations.add(new FieldViolation(field, "amount.fraction-of-fen", "must have at most two decimals (fen)"));
			return null;
		}
		BigDecimal fen = value.movePointRight(2);
		if (fen.compareTo(BigDecimal.valueOf(MAX_FEN)) > 0) {
			violations.add(new FieldViolation(field, "amount.too-large", "must be at most " + MAX_FEN / 100 + " yuan"));
			return null;
		}
		return fen.longValueExact();
	}

	/** Fen from gRPC's Money parts; null (and a violation) when not positive CNY within range. */
	public static Long ofFen(String currency, long fen, String field, List<FieldViolation> violations) {
		if (!"CNY".equals(currency)) {
			violations.add(new FieldViolation(field + ".currency_code", "currency.unsupported", "must be CNY"));
			return null;
		}
		if (fen <= 0 || fen > MAX_FEN) {
			violations.add(new FieldViolation(field + ".minor_units", "amount.out-of-range",
					"must be between 1 and " + MAX_FEN + " fen"));
			return null;
		}
		return fen;
	}

	/** Fen as yuan text with two decimals. */
	public static String format(long fen) {
		return BigDecimal.valueOf(fen, 2).toPlainString();
	}

}
