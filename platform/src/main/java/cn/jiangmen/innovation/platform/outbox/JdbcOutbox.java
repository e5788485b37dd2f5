package cn.jiangmen.innovation.platform.outbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The outbox in the service's own {@code outbox} table (DDL: platform's {@code db/platform-outbox}).
 * Every relay statement is a single auto-committed statement: no row lock outlives it.
 */
public class JdbcOutbox implements Outbox {

	private final JdbcClient jdbc;

	private final OutboxTraceContext trace;

	public JdbcOutbox(JdbcClient jdbc) {
		this(jdbc, OutboxTraceContext.NONE);
	}

	public JdbcOutbox(JdbcClient jdbc, OutboxTraceContext trace) {
		this.jdbc = jdbc;
		this.trace = trace;
	}

	@Override
	public void add(OutboxMessage m) {
		OutboxMessage message = m.traceparent() != null ? m : m.withTraceparent(this.trace.currentTraceparent());
		this.jdbc.sql("""
				insert into outbox (id, destination, idempotency_key, payload, created_at, attempts, next_attempt_at, traceparent)
				values (:id, :destination, :key, cast(:payload as jsonb), :created, 0, :next, :traceparent)
				on conflict (idempotency_key) do nothing
				""")
			.param("id", message.id())
			.param("destination", message.destination())
			.param("key", message.idempotencyKey())
			.param("payload", message.payload())
			.param("created", Timestamp.from(message.createdAt()))
			.param("next", Timestamp.from(message.nextAttemptAt()))
			.param("traceparent", message.traceparent())
			.update();
	}

	@Override
	public List<OutboxMessage> claim(Instant now, String owner, Instant leasedUntil, int limit) {
		// The inner select locks the candidates only for this one statement; skip locked lets a
		// concurrent claim take the next rows instead of waiting. The lease is what keeps them ours.
		List<OutboxMessage> claimed = this.jdbc.sql("""
				update outbox set lease_owner = :owner, leased_until = :until
				where id in (
				    select id from outbox
				    where sent_at is null and parked_at is null and next_attempt_at <= :now
				      and (leased_until is null or leased_until <= :now)
				    order by created_at, id limit :limit
				    for update skip locked)
				returning id, destination, idempotency_key, payload::text as payload, created_at, attempts,
				          next_attempt_at, traceparent
				""")
			.param("owner", owner)
			.param("until", Timestamp.from(leasedUntil))
			.param("now", Timestamp.from(now))
			.param("limit", limit)
			.query(JdbcOutbox::message)
			.list();
		// update ... returning gives no order
		return claimed.stream()
			.sorted(Comparator.comparing(OutboxMessage::createdAt).thenComparing(OutboxMessage::id))
			.toList();
	}

	private static OutboxMessage message(ResultSet rs, int row) throws SQLException {
		return new OutboxMessage(rs.getObject("id", UUID.class), rs.getString("destination"),
				rs.getString("idempotency_key"), rs.getString("payload"), rs.getTimestamp("created_at").toInstant(),
				rs.getInt("attempts"), rs.getTimestamp("next_attempt_at").toInstant(), rs.getString("traceparent"));
	}

	@Override
	public boolean markSent(UUID id, String owner, Instant at) {
		return this.jdbc.sql("""
				update outbox set sent_at = :at, attempts = attempts + 1, last_error = null,
				                  lease_owner = null, leased_until = null
				where id = :id and lease_owner = :owner and sent_at is null
				""")
			.param("at", Timestamp.from(at))
			.param("id", id)
			.param("owner", owner)
			.update() == 1;
	}

	@Override
	public boolean markFailed(UUID id, String owner, String error, Instant nextAttemptAt) {
		return this.jdbc.sql("""
				update outbox set attempts = attempts + 1, last_error = :error, next_attempt_at = :next,
				                  lease_owner = null, leased_until = null
				where id = :id and lease_owner = :owner and sent_at is null
				""")
			.param("error", truncate(error))
			.param("next", Timestamp.from(nextAttemptAt))
			.param("id", id)
			.param("owner", owner)
			.update() == 1;
	}

	@Override
	public boolean markParked(UUID id, String owner, String error, Instant at) {
		return this.jdbc.sql("""
				update outbox set attempts = attempts + 1, last_error = :error, parked_at = :at,
				                  lease_owner = null, leased_until = null
				where id = :id and lease_owner = :owner and sent_at is null
				""")
			.param("error", truncate(error))
			.param("at", Timestamp.from(at))
			.param("id", id)
			.param("owner", owner)
			.update() == 1;
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

}
