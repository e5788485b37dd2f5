package cn.jiangmen.innovation.portal.project;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.jiangmen.innovation.portal.finance.Yuan;

/**
 * The budget grid's sums, computed on the server from what was typed (the page's script computes
 * the same as one types; without script this is what the page shows): a total per category and per
 * source, the grand total, each category's share of it, and the fiscal share against the call's limit.
 *
 * @param sourceTotals yuan per source, in {@link ProposalForm#SOURCES} order
 * @param fiscalSharePercent the fiscal money's share of the total, two decimals ("" without a total)
 * @param overLimit the fiscal share is above the call's limit
 * @param overCeiling the fiscal money is above the call's ceiling per project
 */
public record BudgetTable(List<Row> rows, Map<String, String> sourceTotals, String total, String fiscal,
		String fiscalSharePercent, boolean overLimit, boolean overCeiling) {

	/** One category: its yuan per source as typed, its total and its share of the grand total. */
	public record Row(String category, String total, String sharePercent) {
	}

	static BudgetTable of(ProposalForm form, CallView call) {
		Map<String, Long> bySource = new LinkedHashMap<>();
		ProposalForm.SOURCES.forEach(s -> bySource.put(s, 0L));
		Map<String, Long> byCategory = new LinkedHashMap<>();
		long total = 0;
		for (String category : ProposalForm.CATEGORIES) {
			long row = 0;
			for (String source : ProposalForm.SOURCES) {
				long fen = ProposalForm.fen(form.amount(category, source)).orElse(0L);
				row += fen;
				bySource.merge(source, fen, Long::sum);
			}
			byCategory.put(category, row);
			total += row;
		}
		List<Row> rows = new ArrayList<>();
		for (Map.Entry<String, Long> row : byCategory.entrySet()) {
			rows.add(new Row(row.getKey(), Yuan.format(row.getValue()), share(row.getValue(), total)));
		}
		Map<String, String> sourceTotals = new LinkedHashMap<>();
		bySource.forEach((source, fen) -> sourceTotals.put(source, Yuan.format(fen)));
		long fiscal = bySource.getOrDefault("FISCAL", 0L);
		boolean overLimit = call != null && total > 0 && fiscal * 100 > (long) call.maxFiscalSharePercent() * total;
		boolean overCeiling = call != null && fiscal > call.ceilingFen();
		return new BudgetTable(rows, sourceTotals, Yuan.format(total), Yuan.format(fiscal), share(fiscal, total),
				overLimit, overCeiling);
	}

	private static String share(long part, long total) {
		if (total <= 0) {
			return "";
		}
		return BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(total), 2, RoundingMode.HALF_UP).toPlainString();
	}

}
