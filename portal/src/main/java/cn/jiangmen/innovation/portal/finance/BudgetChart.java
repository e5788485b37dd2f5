package cn.jiangmen.innovation.portal.finance;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.jiangmen.innovation.contracts.funding.v1.BudgetLine;
import tools.jackson.databind.json.JsonMapper;

/**
 * One fiscal year's budget lines for the chart (Apache ECharts, drawn by {@code /js/budget-charts.js})
 * and for the table beside it, which carries the same numbers for screen readers and for print.
 * The chart's data travels as a JSON attribute, never as inline script (the gateway's CSP allows
 * scripts from the portal's own origin only).
 *
 * @param year the fiscal year
 * @param lines its budget lines, by program code
 * @param json labels, series names and values in yuan, for the chart
 */
public record BudgetChart(int year, List<BudgetLine> lines, String json) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * @param programName the program's label in the page's language
	 * @param series the four series' names in the page's language: appropriated, committed, paid, available
	 */
	static BudgetChart of(int year, List<BudgetLine> lines, java.util.function.Function<String, String> programName,
			List<String> series) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("labels", lines.stream().map(l -> programName.apply(l.getProgramCode())).toList());
		data.put("series", series);
		data.put("values", List.of(values(lines, BudgetLine::getAppropriated), values(lines, BudgetLine::getPending),
				values(lines, BudgetLine::getPosted), values(lines, BudgetLine::getAvailable)));
		return new BudgetChart(year, lines, JSON.writeValueAsString(data));
	}

	private static List<java.math.BigDecimal> values(List<BudgetLine> lines,
			java.util.function.Function<BudgetLine, cn.jiangmen.innovation.contracts.common.v1.Money> figure) {
		return lines.stream().map(l -> Yuan.decimal(figure.apply(l))).toList();
	}

}
