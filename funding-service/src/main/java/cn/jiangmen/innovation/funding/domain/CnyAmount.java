package cn.jiangmen.innovation.funding.domain;

import java.math.BigDecimal;
import java.util.List;

import cn.jiangmen.innovation.platform.error.FieldViolation;

/**
 * Checks an amount of money: CNY only, positive, whole fen (at most two decimals), within a long
 * of fen. Violations name the field as the caller spells it ({@code amount.minor_units} on gRPC,
 * {@code amount} on REST), so every bad amount is refused before anything is written.
 */
public final class CnyAmount {

	/** 一千亿元: far above any program's budget, far below a long's overflow when summed. */
	public static final long MAX_MINOR = 10_000_000_000_000L;

	private CnyAmount() {
	}

	/** From gRPC's {@code common.v1.Money}; null when the request carried none. Returns 0 after a violation. */
	public static long ofMinor(String currencyCode, Long minorUnits, String field, List<FieldViolation> violations) {
		if (currencyCode == null || minorUnits == null) {
			violations.add(new FieldViolation(field, "required", "must be given"));
			return 0;
		}
		boolean ok = currency(currencyCode, field + ".currency_code", violations);
		if (minorUnits <= 0) {
			violations.add(new FieldViolation(field + ".minor_units", "amount.not-positive", "must be a positive amount in fen"));
			return 0;
		}
		if (minorUnits > MAX_MINOR) {
			violations.add(new FieldViolation(field + ".minor_units", "amount.too-large", "must be at most " + MAX_MINOR + " fen"));
			return 0;
		}
		return ok ? minorUnits : 0;
	}

	/** From REST: yuan as a decimal string ("1234.56") beside a currency code. */
	public static long ofYuan(String yuan, String currencyCode, String field, List<FieldViolation> violations) {
		currency(currencyCode, "currency", violations);
		if (yuan == null || yuan.isBlank()) {
			violations.add(new FieldViolation(field, "required", "must be given, in yuan, e.g. \"1234.56\""));
			return 0;
		}
		BigDecimal value;
		try {
			value = new BigDecimal(yuan.strip());
		}
		catch (NumberFormatException ex) {
			violations.add(new FieldViolation(field, "amount.malformed", "must be a decimal number of yuan"));
			return 0;
		}
		if (value.signum() <= 0) {
			violations.add(new FieldViolation(field, "amount.not-positive", "must be positive"));
			return 0;
		}
		if (value.stripTrailingZeros().scale() > 2) {
			violations.add(new FieldViolation(field, "amount.fraction-of-fen", "must have at most two decimals (fen)"));
			return 0;
		}
		BigDecimal minor = value.movePointRight(2);
		if (minor.compareTo(BigDecimal.valueOf(MAX_MINOR)) > 0) {
			violations.add(new FieldViolation(field, "amount.too-large", "must be at most " + MAX_MINOR / 100 + " yuan"));
			return 0;
		}
		return minor.longValueExact();
	}

	/** Fen as yuan text with two decimals, as REST bodies and the payment files show it. */
	public static String yuan(long minor) {
		return BigDecimal.valueOf(minor, 2).toPlainString();
	}

	private static boolean currency(String currencyCode, String field, List<FieldViolation> violations) {
		if (!Budget.CURRENCY.equals(currencyCode)) {
			violations.add(new FieldViolation(field, "currency.unsupported",
					"must be CNY: every program of the bureau is funded in yuan"));
			return false;
		}
		return true;
	}

}
