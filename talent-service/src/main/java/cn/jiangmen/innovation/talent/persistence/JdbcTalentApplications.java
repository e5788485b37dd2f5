package cn.jiangmen.innovation.talent.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import cn.jiangmen.innovation.talent.domain.ApplicationId;
import cn.jiangmen.innovation.talent.domain.ApplicationStatus;
import cn.jiangmen.innovation.talent.domain.OrganisationId;
import cn.jiangmen.innovation.talent.domain.TalentApplication;
import cn.jiangmen.innovation.talent.domain.TalentApplications;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcTalentApplications implements TalentApplications {

	private static final String COLUMNS = "id, call_id, organisation_id, title, status, created_at, updated_at";

	private final JdbcClient jdbc;

	JdbcTalentApplications(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void add(TalentApplication application) {
		this.jdbc.sql("""
				insert into talent_application (id, call_id, organisation_id, title, status, created_at, updated_at)
				values (:id, :callId, :organisationId, :title, :status, :createdAt, :updatedAt)
				""")
			.param("id", application.id().value())
			.param("callId", application.callId())
			.param("organisationId", application.organisationId().value())
			.param("title", application.title())
			.param("status", application.status().name())
			.param("createdAt", Timestamp.from(application.createdAt()))
			.param("updatedAt", Timestamp.from(application.updatedAt()))
			.update();
	}

	@Override
	public Optional<TalentApplication> find(ApplicationId id) {
		return this.jdbc.sql("select " + COLUMNS + " from talent_application where id = :id")
			.param("id", id.value())
			.query(JdbcTalentApplications::map)
			.optional();
	}

	@Override
	public List<TalentApplication> ofOrganisation(OrganisationId organisationId, int offset, int limit) {
		return this.jdbc.sql("select " + COLUMNS + " from talent_application where organisation_id = :org"
				+ " order by updated_at desc, id offset :offset limit :limit")
			.param("org", organisationId.value())
			.param("offset", offset)
			.param("limit", limit)
			.query(JdbcTalentApplications::map)
			.list();
	}

	@Override
	public List<TalentApplication> all(int offset, int limit) {
		return this.jdbc.sql("select " + COLUMNS + " from talent_application"
				+ " order by updated_at desc, id offset :offset limit :limit")
			.param("offset", offset)
			.param("limit", limit)
			.query(JdbcTalentApplications::map)
			.list();
	}

	private static TalentApplication map(ResultSet rs, int row) throws SQLException {
		return new TalentApplication(new ApplicationId(rs.getObject("id", UUID.class)),
				rs.getObject("call_id", UUID.class), new OrganisationId(rs.getObject("organisation_id", UUID.class)),
				rs.getString("title"), ApplicationStatus.valueOf(rs.getString("status")),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
	}

}
