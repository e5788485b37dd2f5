package cn.jiangmen.innovation.funding.domain.ledger;

import java.util.UUID;

import cn.jiangmen.innovation.funding.domain.BudgetKey;

/**
 * The chart of accounts. Money flows treasury → appropriation (预算指标, raised by a budget
 * raise) → commitment (承诺, pending while a tranche waits, posted on approval) → payable per
 * beneficiary (应付) → paid (已拨付, on the bank's confirmation); recovered (追回) takes money back.
 */
public final class Accounts {

	public static final String TREASURY = "treasury/CNY";

	private Accounts() {
	}

	public static String appropriation(BudgetKey budget) {
		return prefix(budget) + "/appropriation";
	}

	public static String commitment(BudgetKey budget) {
		return prefix(budget) + "/commitment";
	}

	public static String paid(BudgetKey budget) {
		return prefix(budget) + "/paid";
	}

	public static String recovered(BudgetKey budget) {
		return prefix(budget) + "/recovered";
	}

	public static String payable(UUID organisation) {
		return "payable/" + organisation;
	}

	private static String prefix(BudgetKey budget) {
		return "budget/" + budget.programCode() + "/" + budget.fiscalYear();
	}

}
