package cn.jiangmen.innovation.project.persistence;

import java.util.List;

import cn.jiangmen.innovation.project.domain.FieldKind;
import cn.jiangmen.innovation.project.domain.PriorityField;
import cn.jiangmen.innovation.project.domain.PriorityFields;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcPriorityFields implements PriorityFields {

	private final JdbcClient jdbc;

	JdbcPriorityFields(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<PriorityField> all() {
		return this.jdbc.sql("select code, kind, name_zh, name_en, sort_order from priority_field order by sort_order, code")
			.query((rs, row) -> new PriorityField(rs.getString("code"), FieldKind.valueOf(rs.getString("kind")),
					rs.getString("name_zh"), rs.getString("name_en"), rs.getInt("sort_order")))
			.list();
	}

}
