package cn.jiangmen.innovation.funding.persistence;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import cn.jiangmen.innovation.funding.domain.CommitmentId;
import cn.jiangmen.innovation.funding.domain.Tranche;
import cn.jiangmen.innovation.funding.domain.TrancheState;
import cn.jiangmen.innovation.funding.domain.Tranches;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcTranches implements Tranches {

	private static final String COLUMNS = """
			id, commitment_id, sequence, milestone_id, amount_minor, planned_date, state, pending_transfer_id,
			prepared_by_subject, prepared_by_name, prepared_at, decided_by_subject, decided_by_name, decided_at,
			decision_reason, version
			""";

	private final JdbcClient jdbc;

	JdbcTranches(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void add(Tranche t) {
		this.jdbc.sql("""
				insert into tranche (id, commitment_id, sequence, milestone_id, amount_minor, planned_date, state,
				                     pending_transfer_id, version)
				values (:id, :commitment, :sequence, :milestone, :amount, :planned, :state, :pending, 0)
				""")
			.param("id", t.id().value())
			.param("commitment", t.commitmentId().value())
			.param("sequence", t.sequence())
			.param("milestone", t.milestoneId())
			.param("amount", t.amountMinor())
			.param("planned", Date.valueOf(t.plannedDate()))
			.param("state", t.state().name())
			.param("pending", t.pendingTransferId())
			.update();
	}

	@Override
	public Optional<Tranche> find(Tranche.Id id) {
		return this.jdbc.sql("select " + COLUMNS + " from tranche where id = :id")
			.param("id", id.value())
			.query(JdbcTranches::map)
			.optional();
	}

	@Override
	public List<Tranche> ofCommitment(CommitmentId commitment) {
		return this.jdbc.sql("select " + COLUMNS + " from tranche where commitment_id = :id order by sequence")
			.param("id", commitment.value())
			.query(JdbcTranches::map)
			.list();
	}

	@Override
	public List<Tranche> inStates(java.util.Set<TrancheState> states, java.time.LocalDate dueBy, int offset, int limit) {
		return this.jdbc.sql("select " + COLUMNS + " from tranche where state in (:states)"
				+ " and (cast(:due as date) is null or milestone_id is not null or planned_date <= :due)"
				+ " order by planned_date, commitment_id, sequence limit :limit offset :offset")
			.param("states", states.stream().map(Enum::name).toList())
			.param("due", dueBy == null ? null : Date.valueOf(dueBy))
			.param("limit", limit)
			.param("offset", offset)
			.query(JdbcTranches::map)
			.list();
	}

	@Override
	public List<Tranche> ofCommitments(java.util.Collection<CommitmentId> commitments) {
		if (commitments.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("select " + COLUMNS + " from tranche where commitment_id in (:ids) order by commitment_id, sequence")
			.param("ids", commitments.stream().map(CommitmentId::value).toList())
			.query(JdbcTranches::map)
			.list();
	}

	@Override
	public boolean update(Tranche t) {
		return this.jdbc.sql("""
				update tranche set state = :state, prepared_by_subject = :preparedSubject, prepared_by_name = :preparedName,
				       prepared_at = :preparedAt, decided_by_subject = :decidedSubject, decided_by_name = :decidedName,
				       decided_at = :decidedAt, decision_reason = :reason, version = version + 1
				where id = :id and version = :version
				""")
			.param("state", t.state().name())
			.param("preparedSubject", t.preparedBy() == null ? null : t.preparedBy().subject())
			.param("preparedName", t.preparedBy() == null ? null : t.preparedBy().username())
			.param("preparedAt", timestamp(t.preparedAt()))
			.param("decidedSubject", t.decidedBy() == null ? null : t.decidedBy().subject())
			.param("decidedName", t.decidedBy() == null ? null : t.decidedBy().username())
			.param("decidedAt", timestamp(t.decidedAt()))
			.param("reason", t.decisionReason())
			.param("id", t.id().value())
			.param("version", t.version())
			.update() == 1;
	}

	private static Timestamp timestamp(Instant at) {
		return at == null ? null : Timestamp.from(at);
	}

	private static Tranche map(ResultSet rs, int row) throws SQLException {
		String preparedSubject = rs.getString("prepared_by_subject");
		String decidedSubject = rs.getString("decided_by_subject");
		Timestamp preparedAt = rs.getTimestamp("prepared_at");
		Timestamp decidedAt = rs.getTimestamp("decided_at");
		return new Tranche(new Tranche.Id(rs.getObject("id", UUID.class)),
				new CommitmentId(rs.getObject("commitment_id", UUID.class)), rs.getInt("sequence"),
				rs.getObject("milestone_id", UUID.class), rs.getLong("amount_minor"),
				rs.getDate("planned_date").toLocalDate(), TrancheState.valueOf(rs.getString("state")),
				rs.getObject("pending_transfer_id", UUID.class),
				preparedSubject == null ? null : new Tranche.Person(preparedSubject, rs.getString("prepared_by_name")),
				preparedAt == null ? null : preparedAt.toInstant(),
				decidedSubject == null ? null : new Tranche.Person(decidedSubject, rs.getString("decided_by_name")),
				decidedAt == null ? null : decidedAt.toInstant(), rs.getString("decision_reason"), rs.getLong("version"));
	}

}
