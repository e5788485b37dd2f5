package cn.jiangmen.innovation.funding.domain;

import java.util.List;
import java.util.Optional;

/** Budget lines (implemented in persistence); their money lives in the ledger. */
public interface Budgets {

	List<Budget> all();

	/** Newest year first, then by program code; only {@code fiscalYear} unless it is null. */
	List<Budget> page(Integer fiscalYear, int offset, int limit);

	Optional<Budget> find(BudgetKey key);

	/** False when the line exists already. */
	boolean create(BudgetKey key);

}
