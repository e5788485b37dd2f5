package cn.jiangmen.innovation.funding.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;

import cn.jiangmen.innovation.funding.domain.BudgetKey;
import cn.jiangmen.innovation.funding.domain.BudgetRaise;
import cn.jiangmen.innovation.funding.domain.BudgetRaises;
import cn.jiangmen.innovation.funding.domain.Tranche;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcBudgetRaises implements BudgetRaises {

	private static final String COLUMNS = """
			id, program_code, fiscal_year, amount_minor, state, prepared_by_subject, prepared_by_name, prepared_at,
			decided_by_subject, decided_by_name, decided_at, decision_reason, version
			""";

	private final JdbcClient jdbc;

	JdbcBudgetRaises(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void add(BudgetRaise r) {
		this.jdbc.sql("""
				insert into budget_raise (id, program_code, fiscal_year, amount_minor, state, prepared_by_subject,
				                          prepared_by_name, prepared_at, version)
				values (:id, :code, :year, :amount, :state, :subject, :name, :at, 0)
				""")
			.param("id", r.id().value())
			.param("code", r.budget().programCode())
			.param("year", r.budget().fiscalYear())
			.param("amount", r.amountMinor())
			.param("state", r.state().name())
			.param("subject", r.preparedBy().subject())
			.param("name", r.preparedBy().username())
			.param("at", Timestamp.from(r.preparedAt()))
			.update();
	}

	@Override
	public Optional<BudgetRaise> find(BudgetRaise.Id id) {
		return this.jdbc.sql("select " + COLUMNS + " from budget_raise where id = :id")
			.param("id", id.value())
			.query(JdbcBudgetRaises::map)
			.optional();
	}

	@Override
	public boolean update(BudgetRaise r) {
		return this.jdbc.sql("""
				update budget_raise set state = :state, decided_by_subject = :subject, decided_by_name = :name,
				       decided_at = :at, decision_reason = :reason, version = version + 1
				where id = :id and version = :version
				""")
			.param("state", r.state().name())
			.param("subject", r.decidedBy().subject())
			.param("name", r.decidedBy().username())
			.param("at", Timestamp.from(r.decidedAt()))
			.param("reason", r.decisionReason())
			.param("id", r.id().value())
			.param("version", r.version())
			.update() == 1;
	}

	@Override
	public java.util.List<BudgetRaise> page(BudgetRaise.State state, int offset, int limit) {
		return this.jdbc.sql("select " + COLUMNS + " from budget_raise where (cast(:state as varchar) is null or state = :state)"
				+ " order by prepared_at desc, id limit :limit offset :offset")
			.param("state", state == null ? null : state.name())
			.param("limit", limit)
			.param("offset", offset)
			.query(JdbcBudgetRaises::map)
			.list();
	}

	private static BudgetRaise map(ResultSet rs, int row) throws SQLException {
		String decided = rs.getString("decided_by_subject");
		Timestamp decidedAt = rs.getTimestamp("decided_at");
		return new BudgetRaise(new BudgetRaise.Id(rs.getObject("id", UUID.class)),
				new BudgetKey(rs.getString("program_code"), rs.getInt("fiscal_year")), rs.getLong("amount_minor"),
				BudgetRaise.State.valueOf(rs.getString("state")),
				new Tranche.Person(rs.getString("prepared_by_subject"), rs.getString("prepared_by_name")),
				rs.getTimestamp("prepared_at").toInstant(),
				decided == null ? null : new Tranche.Person(decided, rs.getString("decided_by_name")),
				decidedAt == null ? null : decidedAt.toInstant(), rs.getString("decision_reason"), rs.getLong("version"));
	}

}
