package cn.jiangmen.innovation.project.persistence.execution;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import cn.jiangmen.innovation.project.domain.MilestoneId;
import cn.jiangmen.innovation.project.domain.MilestoneState;
import cn.jiangmen.innovation.project.domain.OrganisationId;
import cn.jiangmen.innovation.project.domain.ProjectId;
import cn.jiangmen.innovation.project.domain.execution.ApprovedProject;
import cn.jiangmen.innovation.project.domain.execution.DueMilestone;
import cn.jiangmen.innovation.project.domain.execution.ExecutionProjects;
import cn.jiangmen.innovation.project.domain.execution.PlannedMilestone;
import cn.jiangmen.innovation.project.domain.execution.PortfolioEntry;
import cn.jiangmen.innovation.project.domain.execution.ProjectStage;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcExecutionProjects implements ExecutionProjects {

	static final String MILESTONE_COLUMNS = """
			m.id, m.project_id, m.sequence, m.title, m.due_date, m.deliverables, m.tranche_fen, m.state,
			m.accepted_at, m.version""";

	/** Stages in which milestones are watched for deadlines (the project runs). */
	static final String RUNNING = "('EXECUTION', 'MID_TERM', 'FINAL_ACCEPTANCE')";

	private final JdbcClient jdbc;

	JdbcExecutionProjects(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Optional<ApprovedProject> find(ProjectId id) {
		return this.jdbc.sql("""
				select id, title, organisation_id, field_code, stage, approved_fiscal_fen, approved_at, version
				from project where id = :id
				""").param("id", id.value()).query((rs, row) -> {
			Timestamp approvedAt = rs.getTimestamp("approved_at");
			return new ApprovedProject(new ProjectId(rs.getObject("id", UUID.class)), rs.getString("title"),
					new OrganisationId(rs.getObject("organisation_id", UUID.class)),
					Optional.ofNullable(rs.getString("field_code")), ProjectStage.valueOf(rs.getString("stage")),
					rs.getLong("approved_fiscal_fen"), Optional.ofNullable(approvedAt).map(Timestamp::toInstant),
					rs.getLong("version"));
		}).optional();
	}

	@Override
	public Optional<UUID> proposalOf(ProjectId id) {
		return this.jdbc.sql("select proposal_id from project where id = :id and proposal_id is not null")
			.param("id", id.value())
			.query((rs, row) -> rs.getObject("proposal_id", UUID.class))
			.optional();
	}

	@Override
	public boolean isPartner(ProjectId id, UUID organisation) {
		return this.jdbc.sql("""
				select exists (select 1 from project p join proposal pr on pr.id = p.proposal_id
				  where p.id = :id and p.organisation_id <> :organisation and :organisation = any (pr.organisation_ids))
				""").param("id", id.value()).param("organisation", organisation).query(Boolean.class).single();
	}

	@Override
	public boolean updateStage(ApprovedProject next) {
		return this.jdbc.sql("update project set stage = :stage, version = :version where id = :id and version = :previous")
			.param("stage", next.stage().name())
			.param("version", next.version())
			.param("id", next.id().value())
			.param("previous", next.version() - 1)
			.update() == 1;
	}

	@Override
	public List<PlannedMilestone> milestones(ProjectId id, int offset, int limit) {
		return this.jdbc.sql("select " + MILESTONE_COLUMNS + """
				 from milestone m where m.project_id = :project
				order by m.sequence, m.due_date nulls last, m.id offset :offset limit :limit
				""")
			.param("project", id.value())
			.param("offset", offset)
			.param("limit", limit)
			.query(JdbcExecutionProjects::milestone)
			.list();
	}

	@Override
	public Optional<PlannedMilestone> milestone(ProjectId projectId, MilestoneId milestoneId) {
		return this.jdbc.sql("select " + MILESTONE_COLUMNS + " from milestone m where m.id = :id and m.project_id = :project")
			.param("id", milestoneId.value())
			.param("project", projectId.value())
			.query(JdbcExecutionProjects::milestone)
			.optional();
	}

	@Override
	public boolean updateDueDate(MilestoneId id, LocalDate dueDate, long expectedVersion) {
		return this.jdbc.sql("""
				update milestone set due_date = :due, version = version + 1 where id = :id and version = :expected
				""").param("due", Date.valueOf(dueDate)).param("id", id.value()).param("expected", expectedVersion).update() == 1;
	}

	@Override
	public List<DueMilestone> due(DueMilestone.Window window, LocalDate today, Optional<OrganisationId> organisation,
			int offset, int limit) {
		String range = window == DueMilestone.Window.OVERDUE ? "m.due_date < :today"
				: "m.due_date between :today and :until";
		return this.jdbc.sql("select " + MILESTONE_COLUMNS + """
				, p.title as project_title, p.organisation_id,
				(select min(n.noticed_at) from milestone_deadline_notice n
				  where n.milestone_id = m.id and n.kind = :kind and n.due_date = m.due_date) as noticed_at
				from milestone m join project p on p.id = m.project_id
				where m.state <> 'ACCEPTED' and m.due_date is not null and p.stage in """ + RUNNING + " and " + range + """
				 and (cast(:organisation as uuid) is null or p.organisation_id = :organisation)
				order by m.due_date, p.title, m.sequence, m.id offset :offset limit :limit
				""")
			.param("kind", window.name())
			.param("today", Date.valueOf(today))
			.param("until", Date.valueOf(today.plusDays(DueMilestone.DUE_SOON_DAYS)))
			.param("organisation", organisation.map(OrganisationId::value).orElse(null))
			.param("offset", offset)
			.param("limit", limit)
			.query((rs, row) -> {
				Timestamp noticed = rs.getTimestamp("noticed_at");
				return new DueMilestone(milestone(rs, row), rs.getString("project_title"),
						new OrganisationId(rs.getObject("organisation_id", UUID.class)),
						Optional.ofNullable(noticed).map(Timestamp::toInstant));
			})
			.list();
	}

	@Override
	public List<PortfolioEntry> portfolio(PortfolioEntry.Filter filter, Optional<OrganisationId> organisation,
			int offset, int limit) {
		// the year a project belongs to: its call's, else its approval's in Beijing time, else its creation's
		return this.jdbc.sql("""
				select x.id, x.title, x.organisation_id, x.field_code, x.stage, x.approved_fiscal_fen, x.approved_at,
				       x.version, x.project_year from (
				  select p.id, p.title, p.organisation_id, p.field_code, p.stage, p.approved_fiscal_fen, p.approved_at,
				         p.version, p.created_at,
				         coalesce(c.year, cast(extract(year from coalesce(p.approved_at, p.created_at)
				                                       at time zone 'Asia/Shanghai') as int)) as project_year
				  from project p left join project_call c on c.id = p.call_id
				) x
				where (cast(:field as varchar) is null or x.field_code = :field)
				  and (cast(:year as int) is null or x.project_year = :year)
				  and (cast(:stage as varchar) is null or x.stage = :stage)
				  and (cast(:organisation as uuid) is null or x.organisation_id = :organisation)
				order by x.approved_at desc nulls last, x.created_at desc, x.id offset :offset limit :limit
				""")
			.param("field", filter.fieldCode().orElse(null))
			.param("year", filter.year().orElse(null))
			.param("stage", filter.stage().map(Enum::name).orElse(null))
			.param("organisation", organisation.map(OrganisationId::value).orElse(null))
			.param("offset", offset)
			.param("limit", limit)
			.query((rs, row) -> {
				Timestamp approvedAt = rs.getTimestamp("approved_at");
				return new PortfolioEntry(new ApprovedProject(new ProjectId(rs.getObject("id", UUID.class)),
						rs.getString("title"), new OrganisationId(rs.getObject("organisation_id", UUID.class)),
						Optional.ofNullable(rs.getString("field_code")), ProjectStage.valueOf(rs.getString("stage")),
						rs.getLong("approved_fiscal_fen"), Optional.ofNullable(approvedAt).map(Timestamp::toInstant),
						rs.getLong("version")), rs.getInt("project_year"));
			})
			.list();
	}

	static PlannedMilestone milestone(ResultSet rs, int row) throws SQLException {
		Date due = rs.getDate("due_date");
		Timestamp acceptedAt = rs.getTimestamp("accepted_at");
		return new PlannedMilestone(new MilestoneId(rs.getObject("id", UUID.class)),
				new ProjectId(rs.getObject("project_id", UUID.class)), rs.getInt("sequence"), rs.getString("title"),
				Optional.ofNullable(due).map(Date::toLocalDate), rs.getString("deliverables"), rs.getLong("tranche_fen"),
				MilestoneState.valueOf(rs.getString("state")), Optional.ofNullable(acceptedAt).map(Timestamp::toInstant),
				rs.getLong("version"));
	}

}
