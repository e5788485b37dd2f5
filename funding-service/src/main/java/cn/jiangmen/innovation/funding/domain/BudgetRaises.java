package cn.jiangmen.innovation.funding.domain;

import java.util.Optional;

/** Budget raises (implemented in persistence). */
public interface BudgetRaises {

	void add(BudgetRaise raise);

	Optional<BudgetRaise> find(BudgetRaise.Id id);

	/** Optimistic: false when the raise changed since it was read. */
	boolean update(BudgetRaise raise);

	/** Newest first; only those in {@code state} unless it is null. */
	java.util.List<BudgetRaise> page(BudgetRaise.State state, int offset, int limit);

}
