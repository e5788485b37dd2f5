package cn.jiangmen.innovation.funding.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import cn.jiangmen.innovation.funding.domain.CommitmentId;
import cn.jiangmen.innovation.funding.domain.Tranche;
import cn.jiangmen.innovation.funding.domain.payment.Recoveries;
import cn.jiangmen.innovation.funding.domain.payment.Recovery;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcRecoveries implements Recoveries {

	private static final String COLUMNS = """
			id, commitment_id, organisation_id, reason, explanation, amount_minor, method, state, raised_by_subject,
			raised_by_name, raised_at, decided_by_subject, decided_by_name, decided_at, decision_reason, settled_at,
			settlement_transfer_id, offset_tranche_id, bank_reference, version
			""";

	private final JdbcClient jdbc;

	JdbcRecoveries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void add(Recovery r) {
		this.jdbc.sql("""
				insert into recovery (id, commitment_id, organisation_id, reason, explanation, amount_minor, method, state,
				                      raised_by_subject, raised_by_name, raised_at, version)
				values (:id, :commitment, :organisation, :reason, :explanation, :amount, :method, :state, :subject, :name,
				        :at, 0)
				""")
			.param("id", r.id().value())
			.param("commitment", r.commitmentId().value())
			.param("organisation", r.organisationId())
			.param("reason", r.reason().name())
			.param("explanation", r.explanation())
			.param("amount", r.amountMinor())
			.param("method", r.method().name())
			.param("state", r.state().name())
			.param("subject", r.raisedBy().subject())
			.param("name", r.raisedBy().username())
			.param("at", Timestamp.from(r.raisedAt()))
			.update();
	}

	@Override
	public Optional<Recovery> find(Recovery.Id id) {
		return this.jdbc.sql("select " + COLUMNS + " from recovery where id = :id")
			.param("id", id.value())
			.query(JdbcRecoveries::map)
			.optional();
	}

	@Override
	public boolean update(Recovery r) {
		return this.jdbc.sql("""
				update recovery set state = :state, decided_by_subject = :decidedSubject, decided_by_name = :decidedName,
				       decided_at = :decidedAt, decision_reason = :reason, settled_at = :settledAt,
				       settlement_transfer_id = :transfer, offset_tranche_id = :tranche, bank_reference = :bankReference,
				       version = version + 1
				where id = :id and version = :version
				""")
			.param("state", r.state().name())
			.param("decidedSubject", r.decidedBy() == null ? null : r.decidedBy().subject())
			.param("decidedName", r.decidedBy() == null ? null : r.decidedBy().username())
			.param("decidedAt", timestamp(r.decidedAt()))
			.param("reason", r.decisionReason())
			.param("settledAt", timestamp(r.settledAt()))
			.param("transfer", r.settlementTransferId())
			.param("tranche", r.offsetTrancheId() == null ? null : r.offsetTrancheId().value())
			.param("bankReference", r.bankReference())
			.param("id", r.id().value())
			.param("version", r.version())
			.update() == 1;
	}

	@Override
	public List<Recovery> openOffsetsLocked(UUID organisation) {
		return this.jdbc.sql("select " + COLUMNS + """
				 from recovery where organisation_id = :organisation and state = 'APPROVED' and method = 'OFFSET'
				order by raised_at, id for update
				""")
			.param("organisation", organisation)
			.query(JdbcRecoveries::map)
			.list();
	}

	@Override
	public long offsetFrom(Tranche.Id tranche) {
		return this.jdbc.sql("select coalesce(sum(amount_minor), 0) from recovery where offset_tranche_id = :tranche")
			.param("tranche", tranche.value())
			.query(Long.class)
			.single();
	}

	@Override
	public long claimedOn(CommitmentId award) {
		return this.jdbc.sql("""
				select coalesce(sum(amount_minor), 0) from recovery where commitment_id = :award and state <> 'REJECTED'
				""")
			.param("award", award.value())
			.query(Long.class)
			.single();
	}

	@Override
	public List<Recovery> page(UUID organisation, int offset, int size) {
		return this.jdbc.sql("select " + COLUMNS + """
				 from recovery where (cast(:organisation as uuid) is null or organisation_id = :organisation)
				order by raised_at desc, id limit :size offset :offset
				""")
			.param("organisation", organisation)
			.param("size", size)
			.param("offset", offset)
			.query(JdbcRecoveries::map)
			.list();
	}

	private static Recovery map(ResultSet rs, int row) throws SQLException {
		String decided = rs.getString("decided_by_subject");
		UUID tranche = rs.getObject("offset_tranche_id", UUID.class);
		return new Recovery(new Recovery.Id(rs.getObject("id", UUID.class)),
				new CommitmentId(rs.getObject("commitment_id", UUID.class)), rs.getObject("organisation_id", UUID.class),
				Recovery.Reason.valueOf(rs.getString("reason")), rs.getString("explanation"), rs.getLong("amount_minor"),
				Recovery.Method.valueOf(rs.getString("method")), Recovery.State.valueOf(rs.getString("state")),
				new Tranche.Person(rs.getString("raised_by_subject"), rs.getString("raised_by_name")),
				rs.getTimestamp("raised_at").toInstant(),
				decided == null ? null : new Tranche.Person(decided, rs.getString("decided_by_name")),
				instant(rs.getTimestamp("decided_at")), rs.getString("decision_reason"),
				instant(rs.getTimestamp("settled_at")), rs.getObject("settlement_transfer_id", UUID.class),
				tranche == null ? null : new Tranche.Id(tranche), rs.getString("bank_reference"), rs.getLong("version"));
	}

	private static Instant instant(Timestamp t) {
		return t == null ? null : t.toInstant();
	}

	private static Timestamp timestamp(Instant at) {
		return at == null ? null : Timestamp.from(at);
	}

}
