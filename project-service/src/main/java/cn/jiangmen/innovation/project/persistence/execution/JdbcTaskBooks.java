package cn.jiangmen.innovation.project.persistence.execution;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import cn.jiangmen.innovation.project.domain.MilestoneId;
import cn.jiangmen.innovation.project.domain.ProjectId;
import cn.jiangmen.innovation.project.domain.execution.KpiTarget;
import cn.jiangmen.innovation.project.domain.execution.TaskBook;
import cn.jiangmen.innovation.project.domain.execution.TaskBooks;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcTaskBooks implements TaskBooks {

	private final JdbcClient jdbc;

	JdbcTaskBooks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Optional<TaskBook> find(ProjectId projectId) {
		return this.jdbc.sql("""
				select project_id, state, issued_by, issued_at, accepted_by, accepted_at, countersigned_by,
				countersigned_at, version from task_book where project_id = :id
				""").param("id", projectId.value()).query((rs, row) -> new TaskBook(
				new ProjectId(rs.getObject("project_id", UUID.class)), TaskBook.State.valueOf(rs.getString("state")),
				rs.getString("issued_by"), rs.getTimestamp("issued_at").toInstant(),
				Optional.ofNullable(rs.getString("accepted_by")), instant(rs.getTimestamp("accepted_at")),
				Optional.ofNullable(rs.getString("countersigned_by")), instant(rs.getTimestamp("countersigned_at")),
				rs.getLong("version"))).optional();
	}

	@Override
	public boolean add(TaskBook taskBook, List<KpiTarget> targets) {
		int inserted = this.jdbc.sql("""
				insert into task_book (project_id, state, issued_by, issued_at, version)
				values (:id, :state, :by, :at, :version) on conflict (project_id) do nothing
				""")
			.param("id", taskBook.projectId().value())
			.param("state", taskBook.state().name())
			.param("by", taskBook.issuedBy())
			.param("at", Timestamp.from(taskBook.issuedAt()))
			.param("version", taskBook.version())
			.update();
		if (inserted == 0) {
			return false;
		}
		for (KpiTarget target : targets) {
			this.jdbc.sql("""
					insert into milestone_kpi_target (id, milestone_id, sort_order, name, unit, target, version)
					values (:id, :milestone, :sort, :name, :unit, :target, :version)
					""")
				.param("id", target.id())
				.param("milestone", target.milestoneId().value())
				.param("sort", target.sortOrder())
				.param("name", target.name())
				.param("unit", target.unit())
				.param("target", target.target())
				.param("version", target.version())
				.update();
		}
		return true;
	}

	@Override
	public boolean update(TaskBook next) {
		return this.jdbc.sql("""
				update task_book set state = :state, accepted_by = :acceptedBy, accepted_at = :acceptedAt,
				countersigned_by = :countersignedBy, countersigned_at = :countersignedAt, version = :version
				where project_id = :id and version = :previous
				""")
			.param("state", next.state().name())
			.param("acceptedBy", next.acceptedBy().orElse(null))
			.param("acceptedAt", next.acceptedAt().map(Timestamp::from).orElse(null))
			.param("countersignedBy", next.countersignedBy().orElse(null))
			.param("countersignedAt", next.countersignedAt().map(Timestamp::from).orElse(null))
			.param("version", next.version())
			.param("id", next.projectId().value())
			.param("previous", next.version() - 1)
			.update() == 1;
	}

	@Override
	public List<KpiTarget> kpiTargets(ProjectId projectId) {
		return this.jdbc.sql("""
				select k.id, k.milestone_id, k.sort_order, k.name, k.unit, k.target, k.version
				from milestone_kpi_target k join milestone m on m.id = k.milestone_id
				where m.project_id = :project order by m.sequence, m.id, k.sort_order
				""").param("project", projectId.value()).query((rs, row) -> new KpiTarget(rs.getObject("id", UUID.class),
				new MilestoneId(rs.getObject("milestone_id", UUID.class)), rs.getInt("sort_order"), rs.getString("name"),
				rs.getString("unit"), rs.getBigDecimal("target"), rs.getLong("version"))).list();
	}

	@Override
	public boolean updateKpiTarget(KpiTarget next) {
		return this.jdbc.sql("update milestone_kpi_target set target = :target, version = :version where id = :id and version = :previous")
			.param("target", next.target())
			.param("version", next.version())
			.param("id", next.id())
			.param("previous", next.version() - 1)
			.update() == 1;
	}

	static Optional<Instant> instant(Timestamp timestamp) {
		return Optional.ofNullable(timestamp).map(Timestamp::toInstant);
	}

}
