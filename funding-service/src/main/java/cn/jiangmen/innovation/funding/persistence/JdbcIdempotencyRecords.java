package cn.jiangmen.innovation.funding.persistence;

import java.sql.Timestamp;
import java.util.Optional;

import cn.jiangmen.innovation.funding.domain.IdempotencyRecords;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcIdempotencyRecords implements IdempotencyRecords {

	private final JdbcClient jdbc;

	JdbcIdempotencyRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void lock(String key) {
		this.jdbc.sql("select 1 from (select pg_advisory_xact_lock(hashtext('command:' || :key))) as locked")
			.param("key", key)
			.query(Integer.class)
			.single();
	}

	@Override
	public Optional<Entry> find(String key) {
		return this.jdbc.sql("""
				select idempotency_key, operation, request_hash, response_json, caller_subject, created_at
				from idempotency_record where idempotency_key = :key
				""")
			.param("key", key)
			.query((rs, row) -> new Entry(rs.getString("idempotency_key"), rs.getString("operation"),
					rs.getString("request_hash"), rs.getString("response_json"), rs.getString("caller_subject"),
					rs.getTimestamp("created_at").toInstant()))
			.optional();
	}

	@Override
	public void add(Entry e) {
		this.jdbc.sql("""
				insert into idempotency_record (idempotency_key, operation, request_hash, response_json, caller_subject, created_at)
				values (:key, :operation, :hash, :response, :subject, :at)
				""")
			.param("key", e.key())
			.param("operation", e.operation())
			.param("hash", e.requestHash())
			.param("response", e.responseJson())
			.param("subject", e.callerSubject())
			.param("at", Timestamp.from(e.at()))
			.update();
	}

}
