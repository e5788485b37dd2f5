package cn.jiangmen.innovation.funding.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import cn.jiangmen.innovation.funding.domain.Budget;
import cn.jiangmen.innovation.funding.domain.BudgetKey;
import cn.jiangmen.innovation.funding.domain.Budgets;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A budget line joined with its appropriation account, whose balances are the line's figures. */
@Repository
class JdbcBudgets implements Budgets {

	private static final String SELECT = """
			select b.program_code, b.fiscal_year, a.code, a.limit_rule, a.debits_pending, a.credits_pending,
			       a.debits_posted, a.credits_posted
			from budget b join ledger_account a
			  on a.code = 'budget/' || b.program_code || '/' || b.fiscal_year || '/appropriation'
			""";

	private final JdbcClient jdbc;

	JdbcBudgets(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<Budget> all() {
		return this.jdbc.sql(SELECT + " order by b.fiscal_year desc, b.program_code").query(JdbcBudgets::map).list();
	}

	@Override
	public List<Budget> page(Integer fiscalYear, int offset, int limit) {
		return this.jdbc.sql(SELECT + " where (cast(:year as int) is null or b.fiscal_year = :year)"
				+ " order by b.fiscal_year desc, b.program_code limit :limit offset :offset")
			.param("year", fiscalYear)
			.param("limit", limit)
			.param("offset", offset)
			.query(JdbcBudgets::map)
			.list();
	}

	@Override
	public Optional<Budget> find(BudgetKey key) {
		return this.jdbc.sql(SELECT + " where b.program_code = :code and b.fiscal_year = :year")
			.param("code", key.programCode())
			.param("year", key.fiscalYear())
			.query(JdbcBudgets::map)
			.optional();
	}

	@Override
	public boolean create(BudgetKey key) {
		return this.jdbc.sql("""
				insert into budget (id, program_code, fiscal_year) values (:id, :code, :year)
				on conflict (program_code, fiscal_year) do nothing
				""")
			.param("id", UUID.randomUUID())
			.param("code", key.programCode())
			.param("year", key.fiscalYear())
			.update() == 1;
	}

	private static Budget map(ResultSet rs, int row) throws SQLException {
		return new Budget(new BudgetKey(rs.getString("program_code"), rs.getInt("fiscal_year")),
				JdbcLedger.account(rs, row));
	}

}
