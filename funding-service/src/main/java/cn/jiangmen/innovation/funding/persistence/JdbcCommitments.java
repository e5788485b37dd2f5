package cn.jiangmen.innovation.funding.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;

import cn.jiangmen.innovation.funding.domain.BudgetKey;
import cn.jiangmen.innovation.funding.domain.Commitment;
import cn.jiangmen.innovation.funding.domain.CommitmentId;
import cn.jiangmen.innovation.funding.domain.CommitmentState;
import cn.jiangmen.innovation.funding.domain.Commitments;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcCommitments implements Commitments {

	private static final String COLUMNS = """
			id, idempotency_key, program_code, fiscal_year, award_reference, recipient_organisation_id,
			amount_minor, project_id, request_hash, state, decided_by, decided_at
			""";

	private final JdbcClient jdbc;

	JdbcCommitments(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void lockKey(String idempotencyKey) {
		// Transaction-scoped advisory lock; a hash collision only serialises two unrelated keys.
		this.jdbc.sql("select 1 from (select pg_advisory_xact_lock(hashtext(:key))) as locked")
			.param("key", idempotencyKey)
			.query(Integer.class)
			.single();
	}

	@Override
	public Optional<Commitment> findByIdempotencyKey(String idempotencyKey) {
		return this.jdbc.sql("select " + COLUMNS + " from commitment where idempotency_key = :key")
			.param("key", idempotencyKey)
			.query(JdbcCommitments::map)
			.optional();
	}

	@Override
	public Optional<Commitment> find(CommitmentId id) {
		return this.jdbc.sql("select " + COLUMNS + " from commitment where id = :id")
			.param("id", id.value())
			.query(JdbcCommitments::map)
			.optional();
	}

	@Override
	public Optional<Commitment> committedForProject(UUID projectId) {
		return this.jdbc.sql("select " + COLUMNS
				+ " from commitment where project_id = :project and state = 'COMMITTED' order by decided_at desc limit 1")
			.param("project", projectId)
			.query(JdbcCommitments::map)
			.optional();
	}

	@Override
	public void add(Commitment commitment) {
		this.jdbc.sql("""
				insert into commitment (id, idempotency_key, program_code, fiscal_year, award_reference,
				                        recipient_organisation_id, amount_minor, project_id, request_hash, state,
				                        decided_by, decided_at)
				values (:id, :key, :code, :year, :reference, :recipient, :amount, :project, :hash, :state, :by, :at)
				""")
			.param("id", commitment.id().value())
			.param("key", commitment.idempotencyKey())
			.param("code", commitment.budget().programCode())
			.param("year", commitment.budget().fiscalYear())
			.param("reference", commitment.awardReference())
			.param("recipient", commitment.recipientOrganisationId())
			.param("amount", commitment.amountMinor())
			.param("project", commitment.projectId())
			.param("hash", commitment.requestHash())
			.param("state", commitment.state().name())
			.param("by", commitment.decidedBy())
			.param("at", Timestamp.from(commitment.decidedAt()))
			.update();
	}

	@Override
	public java.util.List<Commitment> committed(UUID recipient, int offset, int limit) {
		return this.jdbc.sql("select " + COLUMNS + " from commitment where state = 'COMMITTED'"
				+ " and (cast(:recipient as uuid) is null or recipient_organisation_id = :recipient)"
				+ " order by decided_at desc, id limit :limit offset :offset")
			.param("recipient", recipient)
			.param("limit", limit)
			.param("offset", offset)
			.query(JdbcCommitments::map)
			.list();
	}

	@Override
	public java.util.List<Commitment> findAll(java.util.Collection<CommitmentId> ids) {
		if (ids.isEmpty()) {
			return java.util.List.of();
		}
		return this.jdbc.sql("select " + COLUMNS + " from commitment where id in (:ids)")
			.param("ids", ids.stream().map(CommitmentId::value).distinct().toList())
			.query(JdbcCommitments::map)
			.list();
	}

	@Override
	public java.util.Map<CommitmentId, String> beneficiaryNames(java.util.Collection<CommitmentId> ids) {
		java.util.Map<CommitmentId, String> names = new java.util.HashMap<>();
		if (ids.isEmpty()) {
			return names;
		}
		this.jdbc.sql("select id, recipient_organisation_name from commitment where id in (:ids)"
				+ " and recipient_organisation_name is not null")
			.param("ids", ids.stream().map(CommitmentId::value).distinct().toList())
			.query((rs, row) -> names.put(new CommitmentId(rs.getObject("id", UUID.class)),
					rs.getString("recipient_organisation_name")))
			.list();
		return names;
	}

	@Override
	public void nameBeneficiary(CommitmentId id, String name) {
		this.jdbc.sql("update commitment set recipient_organisation_name = :name where id = :id"
				+ " and recipient_organisation_name is null")
			.param("name", name)
			.param("id", id.value())
			.update();
	}

	private static Commitment map(ResultSet rs, int row) throws SQLException {
		return new Commitment(new CommitmentId(rs.getObject("id", UUID.class)), rs.getString("idempotency_key"),
				new BudgetKey(rs.getString("program_code"), rs.getInt("fiscal_year")), rs.getString("award_reference"),
				rs.getObject("recipient_organisation_id", UUID.class), rs.getLong("amount_minor"),
				rs.getObject("project_id", UUID.class), rs.getString("request_hash"),
				CommitmentState.valueOf(rs.getString("state")), rs.getString("decided_by"),
				rs.getTimestamp("decided_at").toInstant());
	}

}
