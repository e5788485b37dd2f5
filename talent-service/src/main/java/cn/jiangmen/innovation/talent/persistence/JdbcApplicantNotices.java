package cn.jiangmen.innovation.talent.persistence;

import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;

import cn.jiangmen.innovation.talent.domain.ApplicantNotice;
import cn.jiangmen.innovation.talent.domain.ApplicantNotices;
import cn.jiangmen.innovation.talent.domain.ApplicationId;
import cn.jiangmen.innovation.talent.domain.ApplicationStatus;
import cn.jiangmen.innovation.talent.domain.OrganisationId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcApplicantNotices implements ApplicantNotices {

	private final JdbcClient jdbc;

	JdbcApplicantNotices(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void add(ApplicantNotice n) {
		this.jdbc.sql("""
				insert into applicant_notice (id, application_id, organisation_id, application_title, status, detail, at)
				values (:id, :application, :organisation, :title, :status, :detail, :at)
				""")
			.param("id", n.id())
			.param("application", n.applicationId().value())
			.param("organisation", n.organisationId().value())
			.param("title", n.applicationTitle())
			.param("status", n.status().name())
			.param("detail", n.detail())
			.param("at", Timestamp.from(n.at()))
			.update();
	}

	@Override
	public List<ApplicantNotice> latest(OrganisationId organisationId, int offset, int limit) {
		return this.jdbc.sql("""
				select id, application_id, organisation_id, application_title, status, detail, at
				from applicant_notice where organisation_id = :organisation
				order by at desc, id offset :offset limit :limit
				""")
			.param("organisation", organisationId.value())
			.param("offset", offset)
			.param("limit", limit)
			.query((rs, n) -> new ApplicantNotice(rs.getObject("id", UUID.class),
					new ApplicationId(rs.getObject("application_id", UUID.class)),
					new OrganisationId(rs.getObject("organisation_id", UUID.class)), rs.getString("application_title"),
					ApplicationStatus.valueOf(rs.getString("status")), rs.getString("detail"),
					rs.getTimestamp("at").toInstant()))
			.list();
	}

}
