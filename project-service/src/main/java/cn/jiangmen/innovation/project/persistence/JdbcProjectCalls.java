package cn.jiangmen.innovation.project.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import cn.jiangmen.innovation.project.domain.CallId;
import cn.jiangmen.innovation.project.domain.CallStatus;
import cn.jiangmen.innovation.project.domain.ProjectCall;
import cn.jiangmen.innovation.project.domain.ProjectCalls;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;

@Repository
class JdbcProjectCalls implements ProjectCalls {

	private static final String COLUMNS = """
			id, field_code, year, title, topics, ceiling_fen, max_fiscal_share_percent, required_documents, guideline,
			opens_at, closes_at, status, created_at, updated_at, version""";

	private final JdbcClient jdbc;

	JdbcProjectCalls(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void add(ProjectCall call) {
		this.jdbc.sql("""
				insert into project_call (id, field_code, year, title, topics, ceiling_fen, max_fiscal_share_percent,
				    required_documents, guideline, opens_at, closes_at, status, created_at, updated_at, version)
				values (:id, :fieldCode, :year, :title, cast(:topics as jsonb), :ceiling, :share,
				    cast(:documents as jsonb), :guideline, :opensAt, :closesAt, :status, :createdAt, :updatedAt, :version)
				""")
			.param("id", call.id().value())
			.param("fieldCode", call.fieldCode())
			.param("year", call.year())
			.param("title", call.title())
			.param("topics", StoredJson.MAPPER.writeValueAsString(call.topics()))
			.param("ceiling", call.ceilingFen())
			.param("share", call.maxFiscalSharePercent())
			.param("documents", StoredJson.MAPPER.writeValueAsString(call.requiredDocuments()))
			.param("guideline", call.guideline())
			.param("opensAt", Timestamp.from(call.opensAt()))
			.param("closesAt", Timestamp.from(call.closesAt()))
			.param("status", call.status().name())
			.param("createdAt", Timestamp.from(call.createdAt()))
			.param("updatedAt", Timestamp.from(call.updatedAt()))
			.param("version", call.version())
			.update();
	}

	@Override
	public boolean update(ProjectCall next) {
		return this.jdbc.sql("""
				update project_call set status = :status, updated_at = :updatedAt, version = :version
				where id = :id and version = :previous
				""")
			.param("status", next.status().name())
			.param("updatedAt", Timestamp.from(next.updatedAt()))
			.param("version", next.version())
			.param("id", next.id().value())
			.param("previous", next.version() - 1)
			.update() == 1;
	}

	@Override
	public Optional<ProjectCall> find(CallId id) {
		return this.jdbc.sql("select " + COLUMNS + " from project_call where id = :id")
			.param("id", id.value())
			.query(JdbcProjectCalls::map)
			.optional();
	}

	@Override
	public List<ProjectCall> page(boolean withDrafts, String fieldCode, int offset, int size) {
		return this.jdbc.sql("select " + COLUMNS + """
				 from project_call
				where (:withDrafts or status <> 'DRAFT') and (cast(:field as varchar) is null or field_code = :field)
				order by year desc, closes_at desc, id offset :offset limit :size
				""")
			.param("withDrafts", withDrafts)
			.param("field", fieldCode)
			.param("offset", offset)
			.param("size", size)
			.query(JdbcProjectCalls::map)
			.list();
	}

	private static ProjectCall map(ResultSet rs, int row) throws SQLException {
		return new ProjectCall(new CallId(rs.getObject("id", UUID.class)), rs.getString("field_code"), rs.getInt("year"),
				rs.getString("title"),
				StoredJson.MAPPER.readValue(rs.getString("topics"), new TypeReference<List<ProjectCall.Topic>>() {
				}), rs.getLong("ceiling_fen"), rs.getInt("max_fiscal_share_percent"),
				StoredJson.MAPPER.readValue(rs.getString("required_documents"), new TypeReference<List<String>>() {
				}), rs.getString("guideline"), rs.getTimestamp("opens_at").toInstant(),
				rs.getTimestamp("closes_at").toInstant(), CallStatus.valueOf(rs.getString("status")),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
				rs.getLong("version"));
	}

}
