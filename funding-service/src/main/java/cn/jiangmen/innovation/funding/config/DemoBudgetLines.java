package cn.jiangmen.innovation.funding.config;

import cn.jiangmen.innovation.funding.application.BudgetCommands;
import cn.jiangmen.innovation.funding.domain.BudgetKey;
import cn.jiangmen.innovation.funding.domain.BudgetRaise;
import cn.jiangmen.innovation.funding.domain.Budgets;
import cn.jiangmen.innovation.platform.domain.Caller;

/**
 * The one way both demo seeds open a budget line: opened and raised by a finance officer, the raise
 * approved by a different finance approver, through the use cases with fixed idempotency keys. A
 * line that exists already is left as it is (the other seed may have opened it first).
 */
final class DemoBudgetLines {

	private static final String KEY = "demo-seed";

	private DemoBudgetLines() {
	}

	static void open(Budgets budgets, BudgetCommands commands, Caller officer, Caller approver, String program, int year,
			String yuan) {
		if (budgets.find(new BudgetKey(program, year)).isPresent()) {
			return;
		}
		commands.create(officer, KEY + "-budget-" + program + "-" + year, KEY, program, year);
		BudgetRaise raise = commands.prepareRaise(officer, KEY + "-raise-" + program + "-" + year, KEY, program, year, yuan,
				"CNY");
		commands.decideRaise(approver, KEY + "-approve-" + program + "-" + year, KEY, raise.id().toString(), true, null);
	}

}
