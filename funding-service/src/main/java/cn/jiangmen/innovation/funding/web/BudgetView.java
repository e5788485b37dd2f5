package cn.jiangmen.innovation.funding.web;

import cn.jiangmen.innovation.funding.domain.Budget;

/** A budget line as the REST API shows it; amounts in minor units (fen). */
public record BudgetView(String programCode, int fiscalYear, String currencyCode, long totalMinor,
		long committedMinor, long availableMinor) {

	static BudgetView of(Budget budget) {
		return new BudgetView(budget.key().programCode(), budget.key().fiscalYear(), budget.currencyCode(),
				budget.totalMinor(), budget.committedMinor(), budget.availableMinor());
	}

}
