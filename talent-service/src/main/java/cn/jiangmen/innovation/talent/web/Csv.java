package cn.jiangmen.innovation.talent.web;

import java.math.BigDecimal;
import java.util.List;

/**
 * RFC 4180 CSV for spreadsheet users: a UTF-8 byte-order mark so that Excel reads Chinese, quoted
 * cells, and cells that a spreadsheet would run as a formula (=, +, -, @, tab, CR) neutralised.
 */
final class Csv {

	private Csv() {
	}

	static String of(List<String> header, List<List<Object>> rows) {
		StringBuilder out = new StringBuilder("\uFEFF");
		line(out, header.stream().map(h -> (Object) h).toList());
		rows.forEach(row -> line(out, row));
		return out.toString();
	}

	private static void line(StringBuilder out, List<Object> cells) {
		for (int i = 0; i < cells.size(); i++) {
			if (i > 0) {
				out.append(',');
			}
			out.append(cell(cells.get(i)));
		}
		out.append("\r\n");
	}

	static String cell(Object value) {
		if (value == null) {
			return "";
		}
		String text = value instanceof BigDecimal number ? number.toPlainString() : value.toString();
		if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
			text = "'" + text;
		}
		return "\"" + text.replace("\"", "\"\"") + "\"";
	}

}
