package cn.jiangmen.innovation.portal.finance;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

import cn.jiangmen.innovation.contracts.common.v1.Money;

/**
 * Money on finance pages: funding speaks fen ({@code common.v1.Money}); people read yuan with two
 * decimals and thousands separators, and type yuan ("1234.56"), which becomes fen here or names
 * the field's problem.
 */
public final class Yuan {

	/** 一千亿元 in fen, funding-service's own ceiling (CnyAmount.MAX_MINOR). */
	static final long MAX_FEN = 10_000_000_000_000L;

	/** For templates, which may not call static methods: {@code ${yuan.of(line.available)}}. */
	public static final Yuan PAGES = new Yuan();

	private Yuan() {
	}

	public String of(Money money) {
		return format(money);
	}

	/** "1,234,567.89" (the page's column header names the unit 元). */
	public static String format(Money money) {
		return format(money == null ? 0 : money.getMinorUnits());
	}

	public static String format(long fen) {
		DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
		return format.format(BigDecimal.valueOf(fen, 2));
	}

	/** Yuan as a plain number for exports and charts ("1234567.89"). */
	public static BigDecimal decimal(Money money) {
		return BigDecimal.valueOf(money == null ? 0 : money.getMinorUnits(), 2);
	}

	/**
	 * Typed yuan to fen.
	 *
	 * @return fen, or a negative reason index: see {@link Parsed}
	 */
	public static Parsed parse(String typed) {
		String text = typed == null ? "" : typed.strip().replace(",", "").replace("，", "");
		if (text.isEmpty()) {
			return new Parsed(0, "required");
		}
		BigDecimal value;
		try {
			value = new BigDecimal(text);
		}
		catch (NumberFormatException ex) {
			return new Parsed(0, "malformed");
		}
		if (value.signum() <= 0) {
			return new Parsed(0, "not-positive");
		}
		if (value.stripTrailingZeros().scale() > 2) {
			return new Parsed(0, "fraction-of-fen");
		}
		BigDecimal fen = value.movePointRight(2);
		if (fen.compareTo(BigDecimal.valueOf(MAX_FEN)) > 0) {
			return new Parsed(0, "too-large");
		}
		return new Parsed(fen.longValueExact(), null);
	}

	/** Fen, or the reason ({@code required}, {@code malformed}, ...) the amount was not taken. */
	public record Parsed(long fen, String problem) {

		public boolean ok() {
			return this.problem == null;
		}

	}

}
