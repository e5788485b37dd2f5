package cn.jiangmen.innovation.project.domain.execution;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Locale;

/** Money in fen (1 yuan = 100 fen) as REST bodies and sentences show it. */
public final class Fen {

	private Fen() {
	}

	/** Yuan with two decimals, as funding's REST bodies show it ("1500000.00"). */
	public static String yuan(long fen) {
		return BigDecimal.valueOf(fen, 2).toPlainString();
	}

	/** For sentences: "¥1,500,000.00 (150000000 fen)". */
	public static String words(long fen) {
		NumberFormat format = NumberFormat.getNumberInstance(Locale.ROOT);
		format.setMinimumFractionDigits(2);
		format.setMaximumFractionDigits(2);
		format.setGroupingUsed(true);
		return "¥" + format.format(BigDecimal.valueOf(fen, 2)) + " (" + fen + " fen)";
	}

}
