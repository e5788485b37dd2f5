package cn.jiangmen.innovation.funding.domain;

import java.util.List;
import java.util.Optional;

/** Budget lines (implemented in persistence). */
public interface Budgets {

	List<Budget> all();

	Optional<Budget> find(BudgetKey key);

	/**
	 * Adds the amount to the committed total only if it still fits, atomically (one conditional
	 * update, so no budget goes below zero under any concurrency). False when it does not fit.
	 */
	boolean tryCommit(BudgetKey key, long amountMinor);

}
