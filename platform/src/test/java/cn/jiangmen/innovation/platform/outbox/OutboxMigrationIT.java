package cn.jiangmen.innovation.platform.outbox;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox DDL moved from talent's and review's migrations to platform's repeatable
 * {@code db/platform-outbox}: a database migrated by the services' own files (as every existing one
 * is) takes the platform migration without losing a row and without a Flyway checksum complaint, and
 * a service with no outbox DDL of its own gets the whole table from platform.
 */
class OutboxMigrationIT {

	static final String PLATFORM_OUTBOX = "classpath:db/platform-outbox";

	static final String PLATFORM_AUDIT = "classpath:db/platform";

	@ParameterizedTest
	@ValueSource(strings = { "talent-service", "review-service" })
	void anExistingServiceDatabaseKeepsItsOutboxRowsAndGainsTheNewColumns(String service) {
		String own = "filesystem:" + repoRoot().resolve(service).resolve("src/main/resources/db/migration");
		try (OutboxDatabase db = OutboxDatabase.recreate("platform_outbox_migration_it")) {
			// the database as main's services left it: their own migrations (outbox included) and the audit log
			assertThat(db.migrate(own, PLATFORM_AUDIT)).isGreaterThan(3);
			JdbcClient jdbc = JdbcClient.create(db.dataSource);
			Instant t0 = Instant.now().truncatedTo(ChronoUnit.MICROS);
			insertOld(jdbc, "pending", t0, null, null);
			insertOld(jdbc, "parked", t0.plusMillis(1), null, t0);
			insertOld(jdbc, "sent", t0.plusMillis(2), t0, null);
			List<Map<String, Object>> before = rows(jdbc);

			// the same database started with the outbox switched on: one more (repeatable) migration
			assertThat(db.migrate(own, PLATFORM_AUDIT, PLATFORM_OUTBOX)).isEqualTo(1);
			assertThat(rows(jdbc)).isEqualTo(before);
			assertThat(jdbc.sql("select count(*) from outbox where lease_owner is null and leased_until is null and traceparent is null")
				.query(Long.class)
				.single()).isEqualTo(3);
			// unchanged files: a later start validates and runs nothing
			assertThat(db.migrate(own, PLATFORM_AUDIT, PLATFORM_OUTBOX)).isZero();

			// and the old rows work with the new relay: only the pending one is claimed
			List<OutboxMessage> claimed = new JdbcOutbox(jdbc).claim(t0.plusSeconds(1), "relay/1", t0.plusSeconds(61), 10);
			assertThat(claimed).extracting(OutboxMessage::idempotencyKey).containsExactly("pending");
		}
	}

	@Test
	void aServiceWithoutOutboxDdlOfItsOwnGetsTheWholeTableFromPlatform() {
		try (OutboxDatabase db = OutboxDatabase.recreate("platform_outbox_migration_it")) {
			assertThat(db.migrate(PLATFORM_AUDIT, PLATFORM_OUTBOX)).isEqualTo(2);
			JdbcOutbox outbox = new JdbcOutbox(JdbcClient.create(db.dataSource));
			Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
			outbox.add(new OutboxMessage(java.util.UUID.randomUUID(), "funding.CommitAward", "award-1", "{\"a\":1}", now,
					0, now, "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"));
			// the same key again is the same message
			outbox.add(OutboxMessage.pending("funding.CommitAward", "award-1", "{\"a\":2}", now));
			List<OutboxMessage> claimed = outbox.claim(now, "relay/1", now.plusSeconds(60), 10);
			assertThat(claimed).singleElement().satisfies(m -> {
				assertThat(m.payload()).isEqualTo("{\"a\": 1}");
				assertThat(m.traceparent()).isEqualTo("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
			});
			assertThat(outbox.markSent(claimed.get(0).id(), "relay/1", now)).isTrue();
			assertThat(outbox.counts()).isEqualTo(new Outbox.Counts(0, 0));
		}
	}

	private static void insertOld(JdbcClient jdbc, String key, Instant created, Instant sent, Instant parked) {
		// the columns main's JdbcOutbox wrote
		jdbc.sql("""
				insert into outbox (id, destination, idempotency_key, payload, created_at, attempts, next_attempt_at, sent_at, last_error, parked_at)
				values (gen_random_uuid(), 'review.OpenReview', :key, '{"applicationId":"x"}', :created, 1, :created, :sent, 'UNAVAILABLE', :parked)
				""")
			.param("key", key)
			.param("created", java.sql.Timestamp.from(created))
			.param("sent", sent == null ? null : java.sql.Timestamp.from(sent))
			.param("parked", parked == null ? null : java.sql.Timestamp.from(parked))
			.update();
	}

	private static List<Map<String, Object>> rows(JdbcClient jdbc) {
		return jdbc.sql("""
				select id, destination, idempotency_key, payload::text, created_at, attempts, next_attempt_at, sent_at, last_error, parked_at
				from outbox order by created_at
				""").query().listOfRows();
	}

	/** Failsafe passes the reactor root; the services' migration files are read from there, as they are. */
	private static Path repoRoot() {
		String root = System.getProperty("jiangmen.repo.root");
		Path path = root != null ? Path.of(root) : Path.of("..").toAbsolutePath().normalize();
		assertThat(Files.isDirectory(path.resolve("talent-service"))).as("repo root " + path).isTrue();
		return path;
	}

}
