package cn.jiangmen.innovation.project.persistence.execution;

import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;

import cn.jiangmen.innovation.project.domain.MilestoneId;
import cn.jiangmen.innovation.project.domain.ProjectId;
import cn.jiangmen.innovation.project.domain.execution.MilestoneDecision;
import cn.jiangmen.innovation.project.domain.execution.ProgressRecords;
import cn.jiangmen.innovation.project.domain.execution.ProgressReport;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
class JdbcProgressRecords implements ProgressRecords {

	private static final TypeReference<List<ProgressReport.KpiValue>> KPI_VALUES = new TypeReference<>() {
	};

	private static final TypeReference<List<ProgressReport.EvidenceDocument>> DOCUMENTS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	JdbcProgressRecords(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	@Override
	public void add(ProgressReport report) {
		this.jdbc.sql("""
				insert into progress_report (id, project_id, milestone_id, submitted_by, submitted_at, summary, kpi_values, documents)
				values (:id, :project, :milestone, :by, :at, :summary, cast(:kpi as jsonb), cast(:documents as jsonb))
				""")
			.param("id", report.id())
			.param("project", report.projectId().value())
			.param("milestone", report.milestoneId().value())
			.param("by", report.submittedBy())
			.param("at", Timestamp.from(report.submittedAt()))
			.param("summary", report.summary())
			.param("kpi", this.json.writeValueAsString(report.kpiValues()))
			.param("documents", this.json.writeValueAsString(report.documents()))
			.update();
	}

	@Override
	public void add(MilestoneDecision decision) {
		this.jdbc.sql("""
				insert into milestone_decision (id, project_id, milestone_id, decision, reasons, decided_by, decided_at)
				values (:id, :project, :milestone, :decision, :reasons, :by, :at)
				""")
			.param("id", decision.id())
			.param("project", decision.projectId().value())
			.param("milestone", decision.milestoneId().value())
			.param("decision", decision.decision().name())
			.param("reasons", decision.reasons())
			.param("by", decision.decidedBy())
			.param("at", Timestamp.from(decision.decidedAt()))
			.update();
	}

	@Override
	public List<ProgressReport> reports(MilestoneId milestoneId, int offset, int limit) {
		return this.jdbc.sql("""
				select id, project_id, milestone_id, submitted_by, submitted_at, summary, kpi_values::text as kpi_values,
				documents::text as documents from progress_report where milestone_id = :milestone
				order by submitted_at desc, id offset :offset limit :limit
				""")
			.param("milestone", milestoneId.value())
			.param("offset", offset)
			.param("limit", limit)
			.query((rs, row) -> new ProgressReport(rs.getObject("id", UUID.class),
					new ProjectId(rs.getObject("project_id", UUID.class)),
					new MilestoneId(rs.getObject("milestone_id", UUID.class)), rs.getString("submitted_by"),
					rs.getTimestamp("submitted_at").toInstant(), rs.getString("summary"),
					this.json.readValue(rs.getString("kpi_values"), KPI_VALUES),
					this.json.readValue(rs.getString("documents"), DOCUMENTS)))
			.list();
	}

	@Override
	public List<MilestoneDecision> decisions(MilestoneId milestoneId) {
		return this.jdbc.sql("""
				select id, project_id, milestone_id, decision, reasons, decided_by, decided_at from milestone_decision
				where milestone_id = :milestone order by decided_at desc, id
				""")
			.param("milestone", milestoneId.value())
			.query((rs, row) -> new MilestoneDecision(rs.getObject("id", UUID.class),
					new ProjectId(rs.getObject("project_id", UUID.class)),
					new MilestoneId(rs.getObject("milestone_id", UUID.class)),
					MilestoneDecision.Kind.valueOf(rs.getString("decision")), rs.getString("reasons"),
					rs.getString("decided_by"), rs.getTimestamp("decided_at").toInstant()))
			.list();
	}

}
