package cn.jiangmen.innovation.platform.audit;

import java.sql.Timestamp;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Audit records in the service's own database (table {@code audit_log}, created by the platform
 * migration in {@code classpath:db/platform}), so a change and its record commit together.
 */
public class JdbcAuditTrail implements AuditTrail {

	private final JdbcClient jdbc;

	public JdbcAuditTrail(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void record(AuditRecord record) {
		this.jdbc.sql("""
				insert into audit_log (id, occurred_at, actor, action, object_type, object_id, before_state, after_state, request_id)
				values (:id, :occurredAt, :actor, :action, :objectType, :objectId, cast(:before as jsonb), cast(:after as jsonb), :requestId)
				""")
			.param("id", record.id())
			.param("occurredAt", Timestamp.from(record.occurredAt()))
			.param("actor", record.actor())
			.param("action", record.action())
			.param("objectType", record.objectType())
			.param("objectId", record.objectId())
			.param("before", record.before())
			.param("after", record.after())
			.param("requestId", record.requestId())
			.update();
	}

	@Override
	public List<AuditRecord> forObject(String objectType, String objectId) {
		return this.jdbc.sql("""
				select id, occurred_at, actor, action, object_type, object_id,
				       before_state::text as before_state, after_state::text as after_state, request_id
				from audit_log where object_type = :objectType and object_id = :objectId
				order by occurred_at, id
				""")
			.param("objectType", objectType)
			.param("objectId", objectId)
			.query((rs, row) -> new AuditRecord(rs.getObject("id", java.util.UUID.class),
					rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"), rs.getString("action"),
					rs.getString("object_type"), rs.getString("object_id"), rs.getString("before_state"),
					rs.getString("after_state"), rs.getString("request_id")))
			.list();
	}

}
