package cn.jiangmen.innovation.funding.persistence;

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
		return this.jdbc.sql("""
				select id, idempotency_key, program_code, fiscal_year, award_reference, recipient_organisation_id,
				       amount_minor, state, decided_by, decided_at
				from commitment where idempotency_key = :key
				""")
			.param("key", idempotencyKey)
			.query((rs, row) -> new Commitment(new CommitmentId(rs.getObject("id", UUID.class)),
					rs.getString("idempotency_key"),
					new BudgetKey(rs.getString("program_code"), rs.getInt("fiscal_year")),
					rs.getString("award_reference"), rs.getObject("recipient_organisation_id", UUID.class),
					rs.getLong("amount_minor"), CommitmentState.valueOf(rs.getString("state")),
					rs.getString("decided_by"), rs.getTimestamp("decided_at").toInstant()))
			.optional();
	}

	@Override
	public void add(Commitment commitment) {
		this.jdbc.sql("""
				insert into commitment (id, idempotency_key, program_code, fiscal_year, award_reference,
				                        recipient_organisation_id, amount_minor, state, decided_by, decided_at)
				values (:id, :key, :code, :year, :reference, :recipient, :amount, :state, :by, :at)
				""")
			.param("id", commitment.id().value())
			.param("key", commitment.idempotencyKey())
			.param("code", commitment.budget().programCode())
			.param("year", commitment.budget().fiscalYear())
			.param("reference", commitment.awardReference())
			.param("recipient", commitment.recipientOrganisationId())
			.param("amount", commitment.amountMinor())
			.param("state", commitment.state().name())
			.param("by", commitment.decidedBy())
			.param("at", Timestamp.from(commitment.decidedAt()))
			.update();
	}

}
