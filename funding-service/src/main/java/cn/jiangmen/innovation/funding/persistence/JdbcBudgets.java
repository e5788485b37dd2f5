package cn.jiangmen.innovation.funding.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import cn.jiangmen.innovation.funding.domain.Budget;
import cn.jiangmen.innovation.funding.domain.BudgetKey;
import cn.jiangmen.innovation.funding.domain.Budgets;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcBudgets implements Budgets {

	private static final String COLUMNS = "program_code, fiscal_year, total_minor, committed_minor, currency_code";

	private final JdbcClient jdbc;

	JdbcBudgets(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<Budget> all() {
		return this.jdbc.sql("select " + COLUMNS + " from budget order by fiscal_year desc, program_code")
			.query(JdbcBudgets::map)
			.list();
	}

	@Override
	public Optional<Budget> find(BudgetKey key) {
		return this.jdbc.sql("select " + COLUMNS + " from budget where program_code = :code and fiscal_year = :year")
			.param("code", key.programCode())
			.param("year", key.fiscalYear())
			.query(JdbcBudgets::map)
			.optional();
	}

	@Override
	public boolean tryCommit(BudgetKey key, long amountMinor) {
		// One conditional update: the row lock serialises concurrent commits, and PostgreSQL
		// re-checks the condition against the latest committed row before writing.
		return this.jdbc.sql("""
				update budget set committed_minor = committed_minor + :amount, version = version + 1
				where program_code = :code and fiscal_year = :year and committed_minor + :amount <= total_minor
				""")
			.param("amount", amountMinor)
			.param("code", key.programCode())
			.param("year", key.fiscalYear())
			.update() == 1;
	}

	private static Budget map(ResultSet rs, int row) throws SQLException {
		return new Budget(new BudgetKey(rs.getString("program_code"), rs.getInt("fiscal_year")),
				rs.getLong("total_minor"), rs.getLong("committed_minor"), rs.getString("currency_code"));
	}

}
