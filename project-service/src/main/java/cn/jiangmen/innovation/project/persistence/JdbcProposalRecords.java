package cn.jiangmen.innovation.project.persistence;

import java.sql.Date;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import cn.jiangmen.innovation.project.domain.Approval;
import cn.jiangmen.innovation.project.domain.ApprovedProjects;
import cn.jiangmen.innovation.project.domain.Proposal;
import cn.jiangmen.innovation.project.domain.ProposalId;
import cn.jiangmen.innovation.project.domain.ProposalNotice;
import cn.jiangmen.innovation.project.domain.ProposalNotices;
import cn.jiangmen.innovation.project.domain.ProposalStatus;
import cn.jiangmen.innovation.project.domain.RecordedReviewOutcomes;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What decisions on a proposal write beside it: notices to the consortium, review outcomes by
 * idempotency key, and the approved project with its planned milestones (the columns of V4 that the
 * task book and execution read).
 */
@Repository
class JdbcProposalRecords implements ProposalNotices, RecordedReviewOutcomes, ApprovedProjects {

	private final JdbcClient jdbc;

	JdbcProposalRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void add(ProposalNotice notice) {
		this.jdbc.sql("""
				insert into proposal_notice (id, proposal_id, status, text, created_at)
				values (:id, :proposal, :status, :text, :at)
				""")
			.param("id", notice.id())
			.param("proposal", notice.proposalId().value())
			.param("status", notice.status().name())
			.param("text", notice.text())
			.param("at", Timestamp.from(notice.createdAt()))
			.update();
	}

	@Override
	public List<ProposalNotice> of(ProposalId proposal) {
		return this.jdbc.sql("""
				select id, proposal_id, status, text, created_at from proposal_notice
				where proposal_id = :proposal order by created_at, id
				""")
			.param("proposal", proposal.value())
			.query((rs, row) -> new ProposalNotice(rs.getObject("id", UUID.class),
					new ProposalId(rs.getObject("proposal_id", UUID.class)), ProposalStatus.valueOf(rs.getString("status")),
					rs.getString("text"), rs.getTimestamp("created_at").toInstant()))
			.list();
	}

	@Override
	public boolean claim(String key, ProposalId proposal, Proposal.ReviewResult result) {
		// on conflict: a redelivery is an answer, not an exception that spoils the transaction
		return this.jdbc.sql("""
				insert into proposal_review_outcome (idempotency_key, proposal_id, result)
				values (:key, :proposal, cast(:result as jsonb)) on conflict (idempotency_key) do nothing
				""")
			.param("key", key)
			.param("proposal", proposal.value())
			.param("result", StoredJson.MAPPER.writeValueAsString(result))
			.update() == 1;
	}

	@Override
	public Optional<Recorded> find(String key) {
		return this.jdbc.sql("select proposal_id, result from proposal_review_outcome where idempotency_key = :key")
			.param("key", key)
			.query((rs, row) -> new Recorded(new ProposalId(rs.getObject("proposal_id", UUID.class)),
					StoredJson.MAPPER.readValue(rs.getString("result"), Proposal.ReviewResult.class)))
			.optional();
	}

	@Override
	public void add(Approval.ApprovedProject project) {
		this.jdbc.sql("""
				insert into project (id, title, organisation_id, field_code, proposal_id, call_id, approved_fiscal_fen,
				    approved_at, stage, created_at)
				values (:id, :title, :organisation, :field, :proposal, :call, :approved, :approvedAt, 'TASK_BOOK', :approvedAt)
				""")
			.param("id", project.id().value())
			.param("title", project.title())
			.param("organisation", project.organisationId())
			.param("field", project.fieldCode())
			.param("proposal", project.proposalId().value())
			.param("call", project.callId().value())
			.param("approved", project.approvedFiscalFen())
			.param("approvedAt", Timestamp.from(project.approvedAt()))
			.update();
		for (Approval.PlannedProjectMilestone milestone : project.milestones()) {
			this.jdbc.sql("""
					insert into milestone (id, project_id, title, state, sequence, due_date, deliverables, tranche_fen)
					values (:id, :project, :title, 'PLANNED', :sequence, :due, :deliverables, :tranche)
					""")
				.param("id", milestone.id().value())
				.param("project", project.id().value())
				.param("title", milestone.title())
				.param("sequence", milestone.sequence())
				.param("due", milestone.dueDate() == null ? null : Date.valueOf(milestone.dueDate()))
				.param("deliverables", milestone.deliverables())
				.param("tranche", milestone.trancheFen())
				.update();
		}
	}

}
