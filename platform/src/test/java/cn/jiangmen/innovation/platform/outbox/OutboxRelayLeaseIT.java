package cn.jiangmen.innovation.platform.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.grpc.Status;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two relays and a business transaction against one real PostgreSQL outbox: a receiver that hangs
 * holds up only its own message, a lease that ran out cannot be overwritten by its late owner, and
 * a crashed relay's claim comes back. Each receiver counts deliveries per idempotency key.
 */
class OutboxRelayLeaseIT {

	static final String DESTINATION = "test.Receive";

	static OutboxDatabase db;

	static JdbcClient jdbc;

	static JdbcOutbox outbox;

	final Receiver receiver = new Receiver();

	@BeforeAll
	static void database() {
		db = OutboxDatabase.recreate("platform_outbox_lease_it");
		db.migrate("classpath:db/platform-outbox");
		jdbc = JdbcClient.create(db.dataSource);
		jdbc.sql("create table business_change (id serial primary key, what text not null)").update();
		outbox = new JdbcOutbox(jdbc);
	}

	@AfterAll
	static void close() {
		db.close();
	}

	@BeforeEach
	void empty() {
		jdbc.sql("delete from outbox").update();
	}

	@Test
	void aHangingReceiverHoldsUpNeitherBusinessWritesNorASecondRelay() throws Exception {
		Instant t0 = Instant.now().truncatedTo(ChronoUnit.MICROS).minusSeconds(60);
		// the oldest message is the one whose receiver hangs, so the first relay takes it first
		add("hangs", t0);
		for (int i = 1; i <= 5; i++) {
			add("quick-" + i, t0.plusMillis(i));
		}
		OutboxRelay first = relay(this.receiver, Duration.ofMinutes(1));
		OutboxRelay second = relay(this.receiver, Duration.ofMinutes(1));

		CompletableFuture<Integer> firstPass = CompletableFuture.supplyAsync(() -> first.relayDue(50));
		assertThat(this.receiver.hanging.await(5, TimeUnit.SECONDS)).isTrue();

		// a business transaction writes its change and an outbox message, and commits at once
		long begin = System.nanoTime();
		new TransactionTemplate(new DataSourceTransactionManager(db.dataSource)).executeWithoutResult(tx -> {
			jdbc.sql("insert into business_change (what) values ('formal check passed')").update();
			outbox.add(OutboxMessage.pending(DESTINATION, "written-meanwhile", "{}", Instant.now()));
		});
		assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(Duration.ofSeconds(2));

		// the second relay delivers everything else while the first still waits for its receiver
		begin = System.nanoTime();
		assertThat(second.relayDue(50)).isEqualTo(6);
		assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(Duration.ofSeconds(5));
		assertThat(firstPass).isNotDone();

		assertThat(firstPass.get(20, TimeUnit.SECONDS)).isEqualTo(1);
		assertThat(first.relayDue(50) + second.relayDue(50)).isZero();
		assertThat(this.receiver.deliveries).hasSize(7).allSatisfy((key, count) -> assertThat(count).hasValue(1));
		assertThat(jdbc.sql("select count(*) from outbox where sent_at is null or lease_owner is not null")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aRelayWhoseLeaseRanOutCannotOverwriteTheOutcomeOfTheRelayThatTookOver() throws Exception {
		add("slow-then-failing", Instant.now().minusSeconds(1));
		// the first replica's call hangs past its 1 s lease and then fails
		Receiver failing = new Receiver() {
			@Override
			public void deliver(OutboxMessage message) throws Exception {
				super.deliver(message);
				throw Status.UNAVAILABLE.withDescription("connection reset").asRuntimeException();
			}
		};
		failing.hangFor = Duration.ofSeconds(3);
		OutboxRelay late = relay(failing, Duration.ofSeconds(1));
		OutboxRelay takingOver = relay(this.receiver, Duration.ofMinutes(1));

		CompletableFuture<Integer> latePass = CompletableFuture.supplyAsync(() -> late.relayDue(50));
		assertThat(failing.hanging.await(5, TimeUnit.SECONDS)).isTrue();
		assertThat(takingOver.relayDue(50)).as("still leased").isZero();
		Thread.sleep(1200);
		assertThat(takingOver.relayDue(50)).as("lease ran out").isEqualTo(1);

		assertThat(latePass.get(10, TimeUnit.SECONDS)).isZero();
		Map<String, Object> row = jdbc.sql("select attempts, last_error, sent_at, next_attempt_at, lease_owner from outbox")
			.query()
			.singleRow();
		assertThat(row.get("sent_at")).as("the delivery stands").isNotNull();
		assertThat(row.get("attempts")).isEqualTo(1);
		assertThat(row.get("last_error")).isNull();
		assertThat(row.get("lease_owner")).isNull();
		assertThat(this.receiver.deliveries.get("slow-then-failing")).hasValue(1);
	}

	@Test
	void theClaimOfARelayThatCrashedComesBackWhenItsLeaseRunsOut() {
		Instant t0 = Instant.now().truncatedTo(ChronoUnit.MICROS);
		add("claimed-by-a-crashed-relay", t0);
		// a replica claims and dies before recording anything
		assertThat(outbox.claim(t0, "crashed/1", t0.plusSeconds(60), 1)).hasSize(1);

		MutableClock clock = new MutableClock(t0.plusSeconds(30));
		OutboxRelay survivor = new OutboxRelay(outbox, List.of(this.receiver), clock, Duration.ofSeconds(60),
				OutboxTraceContext.NONE);
		assertThat(survivor.relayDue(50)).isZero();
		clock.now = t0.plusSeconds(61);
		assertThat(survivor.relayDue(50)).isEqualTo(1);
		assertThat(this.receiver.deliveries.get("claimed-by-a-crashed-relay")).hasValue(1);
		// the dead relay's late outcome changes nothing
		assertThat(outbox.markFailed(idOf("claimed-by-a-crashed-relay"), "crashed/1", "late", t0)).isFalse();
	}

	@Test
	void failuresBackOffAndRefusalsParkUnderTheLease() {
		Instant t0 = Instant.now().truncatedTo(ChronoUnit.MICROS);
		add("down", t0);
		add("refused", t0.plusMillis(1));
		Receiver answering = new Receiver() {
			@Override
			public void deliver(OutboxMessage message) {
				throw (message.idempotencyKey().equals("down") ? Status.UNAVAILABLE : Status.FAILED_PRECONDITION)
					.asRuntimeException();
			}
		};
		OutboxRelay relay = new OutboxRelay(outbox, List.of(answering), new MutableClock(t0.plusSeconds(1)),
				Duration.ofMinutes(1), OutboxTraceContext.NONE);
		assertThat(relay.relayDue(50)).isZero();
		Map<String, Object> down = jdbc.sql("select attempts, next_attempt_at, parked_at, lease_owner from outbox where idempotency_key = 'down'")
			.query()
			.singleRow();
		assertThat(down.get("attempts")).isEqualTo(1);
		assertThat(((java.sql.Timestamp) down.get("next_attempt_at")).toInstant()).isEqualTo(t0.plusSeconds(11));
		assertThat(down.get("parked_at")).isNull();
		assertThat(down.get("lease_owner")).isNull();
		assertThat(outbox.counts()).isEqualTo(new Outbox.Counts(1, 1));
	}

	private static void add(String key, Instant createdAt) {
		outbox.add(new OutboxMessage(java.util.UUID.randomUUID(), DESTINATION, key, "{}", createdAt, 0, createdAt));
	}

	private static java.util.UUID idOf(String key) {
		return jdbc.sql("select id from outbox where idempotency_key = :key")
			.param("key", key)
			.query(java.util.UUID.class)
			.single();
	}

	private static OutboxRelay relay(OutboxDestination destination, Duration lease) {
		return new OutboxRelay(outbox, List.of(destination), Clock.systemUTC(), lease, OutboxTraceContext.NONE);
	}

	/** Stands in for a receiving service: counts deliveries per key; keys starting "hangs"/"slow" hang. */
	static class Receiver implements OutboxDestination {

		final Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();

		final CountDownLatch hanging = new CountDownLatch(1);

		Duration hangFor = Duration.ofSeconds(10);

		@Override
		public String destination() {
			return DESTINATION;
		}

		@Override
		public void deliver(OutboxMessage message) throws Exception {
			if (message.idempotencyKey().startsWith("hangs") || message.idempotencyKey().startsWith("slow")) {
				if (this.hanging.getCount() > 0) {
					this.hanging.countDown();
					Thread.sleep(this.hangFor.toMillis());
				}
			}
			this.deliveries.computeIfAbsent(message.idempotencyKey(), k -> new AtomicInteger()).incrementAndGet();
		}

	}

	static class MutableClock extends Clock {

		Instant now;

		MutableClock(Instant now) {
			this.now = now;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
