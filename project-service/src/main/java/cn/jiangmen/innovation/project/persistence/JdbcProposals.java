package cn.jiangmen.innovation.project.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import cn.jiangmen.innovation.project.domain.CallId;
import cn.jiangmen.innovation.project.domain.ProjectId;
import cn.jiangmen.innovation.project.domain.Proposal;
import cn.jiangmen.innovation.project.domain.ProposalContent;
import cn.jiangmen.innovation.project.domain.ProposalId;
import cn.jiangmen.innovation.project.domain.ProposalStatus;
import cn.jiangmen.innovation.project.domain.Proposals;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;

@Repository
class JdbcProposals implements Proposals {

	private static final String COLUMNS = """
			id, call_id, lead_organisation_id, status, content, submitted_at, return_reasons, correction_due_at,
			rejection_reason, review, decision_note, project_id, approved_fiscal_fen, created_at, updated_at, version""";

	private final JdbcClient jdbc;

	JdbcProposals(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void add(Proposal proposal) {
		this.jdbc.sql("""
				insert into proposal (id, call_id, lead_organisation_id, organisation_ids, status, title, content,
				    submitted_at, return_reasons, correction_due_at, rejection_reason, review, decision_note, project_id,
				    approved_fiscal_fen, created_at, updated_at, version)
				values (:id, :callId, :lead, cast(:organisations as uuid[]), :status, :title, cast(:content as jsonb),
				    :submittedAt, cast(:returnReasons as jsonb), :correctionDueAt, :rejectionReason, cast(:review as jsonb),
				    :decisionNote, :projectId, :approvedFen, :createdAt, :updatedAt, :version)
				""")
			.params(params(proposal))
			.update();
	}

	@Override
	public boolean update(Proposal next) {
		return this.jdbc.sql("""
				update proposal set organisation_ids = cast(:organisations as uuid[]), status = :status, title = :title,
				    content = cast(:content as jsonb), submitted_at = :submittedAt,
				    return_reasons = cast(:returnReasons as jsonb), correction_due_at = :correctionDueAt,
				    rejection_reason = :rejectionReason, review = cast(:review as jsonb), decision_note = :decisionNote,
				    project_id = :projectId, approved_fiscal_fen = :approvedFen, updated_at = :updatedAt, version = :version
				where id = :id and version = :previous
				""")
			.params(params(next))
			.param("previous", next.version() - 1)
			.update() == 1;
	}

	@Override
	public Optional<Proposal> find(ProposalId id) {
		return this.jdbc.sql("select " + COLUMNS + " from proposal where id = :id")
			.param("id", id.value())
			.query(JdbcProposals::map)
			.optional();
	}

	@Override
	public List<Proposal> page(UUID organisation, CallId call, int offset, int size) {
		return this.jdbc.sql("select " + COLUMNS + """
				 from proposal
				where (cast(:organisation as uuid) is null or :organisation = any (organisation_ids))
				  and (cast(:call as uuid) is null or call_id = :call)
				order by created_at desc, id offset :offset limit :size
				""")
			.param("organisation", organisation)
			.param("call", call == null ? null : call.value())
			.param("offset", offset)
			.param("size", size)
			.query(JdbcProposals::map)
			.list();
	}

	private static Map<String, Object> params(Proposal p) {
		Map<String, Object> params = new HashMap<>();
		params.put("id", p.id().value());
		params.put("callId", p.callId().value());
		params.put("lead", p.leadOrganisationId());
		params.put("organisations", "{" + String.join(",",
				p.content().organisations().stream().map(o -> o.organisationId().toString()).toList()) + "}");
		params.put("status", p.status().name());
		params.put("title", p.content().title());
		params.put("content", StoredJson.MAPPER.writeValueAsString(p.content()));
		params.put("submittedAt", timestamp(p.submittedAt()));
		params.put("returnReasons", StoredJson.MAPPER.writeValueAsString(p.returnReasons()));
		params.put("correctionDueAt", timestamp(p.correctionDueAt()));
		params.put("rejectionReason", p.rejectionReason());
		params.put("review", p.review() == null ? null : StoredJson.MAPPER.writeValueAsString(p.review()));
		params.put("decisionNote", p.decisionNote());
		params.put("projectId", p.projectId() == null ? null : p.projectId().value());
		params.put("approvedFen", p.approvedFiscalFen());
		params.put("createdAt", Timestamp.from(p.createdAt()));
		params.put("updatedAt", Timestamp.from(p.updatedAt()));
		params.put("version", p.version());
		return params;
	}

	private static Timestamp timestamp(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}

	private static Proposal map(ResultSet rs, int row) throws SQLException {
		String review = rs.getString("review");
		UUID project = rs.getObject("project_id", UUID.class);
		long approved = rs.getLong("approved_fiscal_fen");
		Long approvedFen = rs.wasNull() ? null : approved;
		return new Proposal(new ProposalId(rs.getObject("id", UUID.class)), new CallId(rs.getObject("call_id", UUID.class)),
				rs.getObject("lead_organisation_id", UUID.class), ProposalStatus.valueOf(rs.getString("status")),
				StoredJson.MAPPER.readValue(rs.getString("content"), ProposalContent.class), instant(rs, "submitted_at"),
				StoredJson.MAPPER.readValue(rs.getString("return_reasons"), new TypeReference<List<String>>() {
				}), instant(rs, "correction_due_at"), rs.getString("rejection_reason"),
				review == null ? null : StoredJson.MAPPER.readValue(review, Proposal.ReviewResult.class),
				rs.getString("decision_note"), project == null ? null : new ProjectId(project), approvedFen,
				instant(rs, "created_at"), instant(rs, "updated_at"), rs.getLong("version"));
	}

}
