package cn.jiangmen.innovation.funding.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import cn.jiangmen.innovation.funding.domain.Tranche.Person;
import cn.jiangmen.innovation.funding.domain.instrument.Instrument;
import cn.jiangmen.innovation.funding.domain.subsidy.ClaimFilter;
import cn.jiangmen.innovation.funding.domain.subsidy.ClaimQueue;
import cn.jiangmen.innovation.funding.domain.subsidy.ClaimState;
import cn.jiangmen.innovation.funding.domain.subsidy.InterestSubsidyEvidence;
import cn.jiangmen.innovation.funding.domain.subsidy.PostSubsidyEvidence;
import cn.jiangmen.innovation.funding.domain.subsidy.SubsidyClaim;
import cn.jiangmen.innovation.funding.domain.subsidy.SubsidyClaims;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.json.JsonMapper;

/** Claims with their evidence as typed JSON records, one column per instrument. */
@Repository
class JdbcSubsidyClaims implements SubsidyClaims {

	private static final String COLUMNS = """
			id, instrument, organisation_id, fiscal_year, program_code, amount_minor, state, pending_transfer_id,
			post_subsidy_json::text as post_subsidy_json, interest_subsidy_json::text as interest_subsidy_json,
			submitted_by_subject, submitted_by_name, submitted_at, reviewed_by_subject, reviewed_by_name, reviewed_at,
			review_reason, prepared_by_subject, prepared_by_name, prepared_at, decided_by_subject, decided_by_name,
			decided_at, decision_reason, version
			""";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	JdbcSubsidyClaims(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	@Override
	public boolean add(SubsidyClaim c) {
		String evidence = c.postSubsidy() != null ? c.postSubsidy().recognitionDocument() : c.interestSubsidy().loanContract();
		try {
			this.jdbc.sql("""
					insert into subsidy_claim (id, instrument, organisation_id, fiscal_year, program_code, amount_minor, state,
					                           post_subsidy_json, interest_subsidy_json, evidence_reference,
					                           submitted_by_subject, submitted_by_name, submitted_at, version)
					values (:id, :instrument, :organisation, :year, :program, :amount, :state, cast(:post as jsonb),
					        cast(:interest as jsonb), :evidence, :subject, :name, :at, 0)
					""")
				.param("id", c.id().value())
				.param("instrument", c.instrument().name())
				.param("organisation", c.organisationId())
				.param("year", c.fiscalYear())
				.param("program", c.programCode())
				.param("amount", c.amountMinor())
				.param("state", c.state().name())
				.param("post", c.postSubsidy() == null ? null : this.json.writeValueAsString(c.postSubsidy()))
				.param("interest", c.interestSubsidy() == null ? null : this.json.writeValueAsString(c.interestSubsidy()))
				.param("evidence", evidence)
				.param("subject", c.submittedBy().subject())
				.param("name", c.submittedBy().username())
				.param("at", Timestamp.from(c.submittedAt()))
				.update();
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	@Override
	public Optional<SubsidyClaim> find(SubsidyClaim.Id id) {
		return this.jdbc.sql("select " + COLUMNS + " from subsidy_claim where id = :id")
			.param("id", id.value())
			.query(this::map)
			.optional();
	}

	@Override
	public Optional<SubsidyClaim> lock(SubsidyClaim.Id id) {
		return this.jdbc.sql("select " + COLUMNS + " from subsidy_claim where id = :id for update")
			.param("id", id.value())
			.query(this::map)
			.optional();
	}

	@Override
	public boolean update(SubsidyClaim c) {
		SubsidyClaim.Decision review = c.review();
		SubsidyClaim.Decision payment = c.payment();
		return this.jdbc.sql("""
				update subsidy_claim set state = :state, pending_transfer_id = :pending,
				       reviewed_by_subject = :reviewedSubject, reviewed_by_name = :reviewedName, reviewed_at = :reviewedAt,
				       review_reason = :reviewReason, prepared_by_subject = :preparedSubject, prepared_by_name = :preparedName,
				       prepared_at = :preparedAt, decided_by_subject = :decidedSubject, decided_by_name = :decidedName,
				       decided_at = :decidedAt, decision_reason = :decisionReason, version = version + 1
				where id = :id and version = :version
				""")
			.param("state", c.state().name())
			.param("pending", c.pendingTransferId())
			.param("reviewedSubject", review == null ? null : review.by().subject())
			.param("reviewedName", review == null ? null : review.by().username())
			.param("reviewedAt", review == null ? null : Timestamp.from(review.at()))
			.param("reviewReason", review == null ? null : review.reason())
			.param("preparedSubject", c.preparedBy() == null ? null : c.preparedBy().subject())
			.param("preparedName", c.preparedBy() == null ? null : c.preparedBy().username())
			.param("preparedAt", c.preparedAt() == null ? null : Timestamp.from(c.preparedAt()))
			.param("decidedSubject", payment == null ? null : payment.by().subject())
			.param("decidedName", payment == null ? null : payment.by().username())
			.param("decidedAt", payment == null ? null : Timestamp.from(payment.at()))
			.param("decisionReason", payment == null ? null : payment.reason())
			.param("id", c.id().value())
			.param("version", c.version())
			.update() == 1;
	}

	@Override
	public List<SubsidyClaim> list(ClaimFilter filter, int offset, int limit) {
		return this.jdbc.sql("select " + COLUMNS + """
				 from subsidy_claim
				where (cast(:instrument as varchar) is null or instrument = :instrument)
				  and (cast(:organisation as uuid) is null or organisation_id = :organisation)
				  and (cast(:year as int) is null or fiscal_year = :year)
				""" + queue(filter.queue()) + """
				order by submitted_at desc, id offset :offset limit :limit
				""")
			.param("instrument", filter.instrument() == null ? null : filter.instrument().name())
			.param("organisation", filter.organisation())
			.param("year", filter.fiscalYear())
			.param("offset", offset)
			.param("limit", limit)
			.query(this::map)
			.list();
	}

	/** A rejected payment goes back to REVIEWED keeping its decision until the claim is prepared again. */
	private static String queue(ClaimQueue queue) {
		if (queue == null) {
			return "";
		}
		return switch (queue) {
			case TO_PREPARE -> " and state = 'REVIEWED' and decided_by_subject is null\n";
			case TO_APPROVE -> " and state = 'PAYMENT_PREPARED'\n";
			case REJECTED -> " and state = 'REVIEWED' and decided_by_subject is not null\n";
		};
	}

	private SubsidyClaim map(ResultSet rs, int row) throws SQLException {
		String post = rs.getString("post_subsidy_json");
		String interest = rs.getString("interest_subsidy_json");
		return new SubsidyClaim(new SubsidyClaim.Id(rs.getObject("id", UUID.class)),
				Instrument.valueOf(rs.getString("instrument")), rs.getObject("organisation_id", UUID.class),
				rs.getInt("fiscal_year"), rs.getString("program_code"), rs.getLong("amount_minor"),
				ClaimState.valueOf(rs.getString("state")), rs.getObject("pending_transfer_id", UUID.class),
				post == null ? null : this.json.readValue(post, PostSubsidyEvidence.class),
				interest == null ? null : this.json.readValue(interest, InterestSubsidyEvidence.class),
				new Person(rs.getString("submitted_by_subject"), rs.getString("submitted_by_name")),
				rs.getTimestamp("submitted_at").toInstant(), decision(rs, "reviewed_by", "reviewed_at", "review_reason"),
				person(rs, "prepared_by"), instant(rs, "prepared_at"),
				decision(rs, "decided_by", "decided_at", "decision_reason"), rs.getLong("version"));
	}

	private static Person person(ResultSet rs, String prefix) throws SQLException {
		String subject = rs.getString(prefix + "_subject");
		return subject == null ? null : new Person(subject, rs.getString(prefix + "_name"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp at = rs.getTimestamp(column);
		return at == null ? null : at.toInstant();
	}

	private static SubsidyClaim.Decision decision(ResultSet rs, String by, String at, String reason) throws SQLException {
		Person person = person(rs, by);
		return person == null ? null : new SubsidyClaim.Decision(person, instant(rs, at), rs.getString(reason));
	}

}
