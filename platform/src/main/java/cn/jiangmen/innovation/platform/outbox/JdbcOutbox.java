package cn.jiangmen.innovation.platform.outbox;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;


import org.springframework.jdbc.core.simple.JdbcClient;


public class JdbcOutbox implements Outbox {

	private final JdbcClient jdbc;

	public JdbcOutbox(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void add(OutboxMessage m) {
		this.jdbc.sql("""
				insert into outbox (id, destination, idempotency_key, payload, created_at, attempts, next_attempt_at)
				values (:id, :destination, :key, cast(:payload as jsonb), :created, 0, :next)
				on conflict (idempotency_key) do nothing
				""")
			.param("id", m.id())
			.param("destination", m.destination())
			.param("key", m.idempotencyKey())
			.param("payload", m.payload())
			.param("created", Timestamp.from(m.createdAt()))
			.param("next", Timestamp.from(m.nextAttemptAt()))
			.update();
	}

	@Override
	public List<OutboxMessage> claimDue(Instant now, int limit) {
		return this.jdbc.sql("""
				select * from outbox where sent_at is null and parked_at is null and next_attempt_at <= :now
				order by created_at, id limit :limit for update skip locked
				""")
			.param("now", Timestamp.from(now))
			.param("limit", limit)
			.query((rs, n) -> new OutboxMessage(rs.getObject("id", UUID.class), rs.getString("destination"),
					rs.getString("idempotency_key"), rs.getString("payload"), rs.getTimestamp("created_at").toInstant(),
					rs.getInt("attempts"), rs.getTimestamp("next_attempt_at").toInstant()))
			.list();
	}

	@Override
	public void markSent(UUID id, Instant at) {
		this.jdbc.sql("update outbox set sent_at = :at, attempts = attempts + 1, last_error = null where id = :id")
			.param("at", Timestamp.from(at))
			.param("id", id)
			.update();
	}

	@Override
	public void markParked(UUID id, String error, Instant at) {
		this.jdbc.sql("update outbox set attempts = attempts + 1, last_error = :error, parked_at = :at where id = :id")
			.param("error", truncate(error))
			.param("at", Timestamp.from(at))
			.param("id", id)
			.update();
	}

	@Override
	public Counts counts() {
		return this.jdbc.sql("""
				select count(*) filter (where parked_at is null) as pending, count(*) filter (where parked_at is not null) as parked
				from outbox where sent_at is null
				""")
			.query((rs, n) -> new Counts(rs.getLong("pending"), rs.getLong("parked")))
			.single();
	}

	private static String truncate(String error) {
		return error == null ? "" : error.length() > 1000 ? error.substring(0, 1000) : error;
	}

	@Override
	public void markFailed(UUID id, String error, Instant nextAttemptAt) {
		this.jdbc.sql("update outbox set attempts = attempts + 1, last_error = :error, next_attempt_at = :next where id = :id")
			.param("error", truncate(error))
			.param("next", Timestamp.from(nextAttemptAt))
			.param("id", id)
			.update();
	}

}
