package cn.jiangmen.innovation.funding.application;

import java.util.List;

import cn.jiangmen.innovation.funding.domain.FundingAccess;
import cn.jiangmen.innovation.funding.domain.Budget;
import cn.jiangmen.innovation.funding.domain.BudgetKey;
import cn.jiangmen.innovation.funding.domain.BudgetRaise;
import cn.jiangmen.innovation.funding.domain.BudgetRaises;
import cn.jiangmen.innovation.funding.domain.Budgets;
import cn.jiangmen.innovation.platform.error.NotFoundException;
import cn.jiangmen.innovation.platform.paging.PageRequest;
import cn.jiangmen.innovation.platform.domain.Caller;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Budget lines for finance, managers and auditors. */
@Service
@Transactional(readOnly = true)
public class BudgetQueries {

	private final Budgets budgets;

	private final BudgetRaises raises;

	public BudgetQueries(Budgets budgets, BudgetRaises raises) {
		this.budgets = budgets;
		this.raises = raises;
	}

	public List<Budget> all(Caller caller) {
		if (!FundingAccess.mayReadBudgets(caller)) {
			throw new AccessDeniedException("Budgets are for finance, program managers and auditors");
		}
		return this.budgets.all();
	}

	/** One page of budget lines, of one fiscal year when {@code fiscalYear} is not null. */
	public List<Budget> page(Caller caller, Integer fiscalYear, PageRequest page) {
		readable(caller);
		return this.budgets.page(fiscalYear, page.offset(), page.size());
	}

	public Budget one(Caller caller, BudgetKey key) {
		readable(caller);
		return this.budgets.find(key).orElseThrow(() -> new NotFoundException("Budget", key));
	}

	/** Raises newest first, only those in {@code state} unless it is null. */
	public List<BudgetRaise> raises(Caller caller, BudgetRaise.State state, PageRequest page) {
		readable(caller);
		return this.raises.page(state, page.offset(), page.size());
	}

	private static void readable(Caller caller) {
		if (!FundingAccess.mayReadBudgets(caller)) {
			throw new AccessDeniedException("Budgets are for finance, program managers and auditors");
		}
	}

}
