package cn.jiangmen.innovation.funding.domain;

/**
 * Ledger account names. A budget line has an {@code available} and a {@code committed} account;
 * committing an award debits committed and credits available, so balances can be rebuilt from
 * entries alone.
 */
public final class Accounts {

	private Accounts() {
	}

	public static String available(BudgetKey budget) {
		return "budget/" + budget.programCode() + "/" + budget.fiscalYear() + "/available";
	}

	public static String committed(BudgetKey budget) {
		return "budget/" + budget.programCode() + "/" + budget.fiscalYear() + "/committed";
	}

}
