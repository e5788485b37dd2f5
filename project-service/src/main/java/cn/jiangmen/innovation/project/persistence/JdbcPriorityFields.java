package cn.jiangmen.innovation.project.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

import cn.jiangmen.innovation.project.domain.FieldKind;
import cn.jiangmen.innovation.project.domain.FieldNames;
import cn.jiangmen.innovation.project.domain.PriorityField;
import cn.jiangmen.innovation.project.domain.PriorityFields;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcPriorityFields implements PriorityFields {

	private static final String COLUMNS = "code, kind, name_zh, name_en, plan_section, sort_order, retired_at, version";

	private final JdbcClient jdbc;

	JdbcPriorityFields(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<PriorityField> all() {
		return this.jdbc.sql("select " + COLUMNS + " from priority_field order by sort_order, code")
			.query(JdbcPriorityFields::map)
			.list();
	}

	@Override
	public List<PriorityField> page(int offset, int size) {
		return this.jdbc.sql("select " + COLUMNS + " from priority_field order by sort_order, code offset :offset limit :size")
			.param("offset", offset)
			.param("size", size)
			.query(JdbcPriorityFields::map)
			.list();
	}

	@Override
	public Optional<PriorityField> find(String code) {
		return this.jdbc.sql("select " + COLUMNS + " from priority_field where code = :code")
			.param("code", code)
			.query(JdbcPriorityFields::map)
			.optional();
	}

	@Override
	public int nextSortOrder() {
		return this.jdbc.sql("select coalesce(max(sort_order), 0) + 10 from priority_field").query(Integer.class).single();
	}

	@Override
	public boolean add(PriorityField field) {
		// on conflict: a taken code (even a retired one's) is an answer, not an exception that spoils the transaction
		return this.jdbc.sql("""
				insert into priority_field (code, kind, name_zh, name_en, plan_section, sort_order, version)
				values (:code, :kind, :nameZh, :nameEn, :planSection, :sortOrder, :version)
				on conflict (code) do nothing
				""")
			.param("code", field.code())
			.param("kind", field.kind().name())
			.param("nameZh", field.nameZh())
			.param("nameEn", field.nameEn())
			.param("planSection", field.planSection().isEmpty() ? null : field.planSection())
			.param("sortOrder", field.sortOrder())
			.param("version", field.version())
			.update() == 1;
	}

	@Override
	public boolean update(PriorityField next) {
		return this.jdbc.sql("""
				update priority_field set name_zh = :nameZh, name_en = :nameEn, retired_at = :retiredAt,
				    version = :version, updated_at = now()
				where code = :code and version = :previous
				""")
			.param("nameZh", next.nameZh())
			.param("nameEn", next.nameEn())
			.param("retiredAt", next.retiredAt().map(Timestamp::from).orElse(null))
			.param("version", next.version())
			.param("code", next.code())
			.param("previous", next.version() - 1)
			.update() == 1;
	}

	private static PriorityField map(ResultSet rs, int row) throws SQLException {
		return new PriorityField(rs.getString("code"), FieldKind.valueOf(rs.getString("kind")),
				new FieldNames(rs.getString("name_zh"), rs.getString("name_en")), rs.getString("plan_section"),
				rs.getInt("sort_order"), Optional.ofNullable(rs.getTimestamp("retired_at")).map(Timestamp::toInstant),
				rs.getLong("version"));
	}

}
