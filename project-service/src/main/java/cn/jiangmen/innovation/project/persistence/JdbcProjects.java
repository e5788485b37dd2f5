package cn.jiangmen.innovation.project.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;

import cn.jiangmen.innovation.project.domain.Milestone;
import cn.jiangmen.innovation.project.domain.MilestoneId;
import cn.jiangmen.innovation.project.domain.MilestoneState;
import cn.jiangmen.innovation.project.domain.OrganisationId;
import cn.jiangmen.innovation.project.domain.Project;
import cn.jiangmen.innovation.project.domain.ProjectId;
import cn.jiangmen.innovation.project.domain.Projects;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcProjects implements Projects {

	private final JdbcClient jdbc;

	JdbcProjects(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Optional<Project> find(ProjectId id) {
		return this.jdbc.sql("select id, title, organisation_id from project where id = :id")
			.param("id", id.value())
			.query((rs, row) -> new Project(new ProjectId(rs.getObject("id", UUID.class)), rs.getString("title"),
					new OrganisationId(rs.getObject("organisation_id", UUID.class))))
			.optional();
	}

	@Override
	public Optional<Milestone> findMilestone(ProjectId projectId, MilestoneId milestoneId) {
		return this.jdbc.sql("""
				select id, project_id, title, state, accepted_at, version from milestone
				where id = :id and project_id = :projectId
				""")
			.param("id", milestoneId.value())
			.param("projectId", projectId.value())
			.query(JdbcProjects::mapMilestone)
			.optional();
	}

	@Override
	public boolean updateMilestone(Milestone next) {
		return this.jdbc.sql("""
				update milestone set state = :state, accepted_at = :acceptedAt, version = :version
				where id = :id and version = :previous
				""")
			.param("state", next.state().name())
			.param("acceptedAt", next.acceptedAt().map(Timestamp::from).orElse(null))
			.param("version", next.version())
			.param("id", next.id().value())
			.param("previous", next.version() - 1)
			.update() == 1;
	}

	private static Milestone mapMilestone(ResultSet rs, int row) throws SQLException {
		Timestamp acceptedAt = rs.getTimestamp("accepted_at");
		return new Milestone(new MilestoneId(rs.getObject("id", UUID.class)),
				new ProjectId(rs.getObject("project_id", UUID.class)), rs.getString("title"),
				MilestoneState.valueOf(rs.getString("state")), Optional.ofNullable(acceptedAt).map(Timestamp::toInstant),
				rs.getLong("version"));
	}

}
