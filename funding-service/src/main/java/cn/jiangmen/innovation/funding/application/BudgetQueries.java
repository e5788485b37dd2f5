package cn.jiangmen.innovation.funding.application;

import java.util.List;

import cn.jiangmen.innovation.funding.domain.FundingAccess;
import cn.jiangmen.innovation.funding.domain.Budget;
import cn.jiangmen.innovation.funding.domain.Budgets;
import cn.jiangmen.innovation.platform.domain.Caller;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Budget lines for finance, managers and auditors. */
@Service
@Transactional(readOnly = true)
public class BudgetQueries {

	private final Budgets budgets;

	public BudgetQueries(Budgets budgets) {
		this.budgets = budgets;
	}

	public List<Budget> all(Caller caller) {
		if (!FundingAccess.mayReadBudgets(caller)) {
			throw new AccessDeniedException("Budgets are for finance, program managers and auditors");
		}
		return this.budgets.all();
	}

}
