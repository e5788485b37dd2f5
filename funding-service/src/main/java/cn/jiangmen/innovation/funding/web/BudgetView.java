package cn.jiangmen.innovation.funding.web;

import cn.jiangmen.innovation.funding.domain.Budget;

/**
 * A budget line as the REST API shows it, in minor units (fen): appropriated, pending
 * (committed tranches not yet approved), posted (approved or paid) and available.
 */
public record BudgetView(String programCode, int fiscalYear, String currencyCode, long appropriatedMinor,
		long pendingMinor, long postedMinor, long availableMinor) {

	static BudgetView of(Budget budget) {
		return new BudgetView(budget.key().programCode(), budget.key().fiscalYear(), Budget.CURRENCY,
				budget.appropriatedMinor(), budget.pendingMinor(), budget.postedMinor(), budget.availableMinor());
	}

}
