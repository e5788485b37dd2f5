package cn.jiangmen.innovation.platform.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The relay sends due messages, retries failures with backoff and never blocks on one bad message. */
class OutboxRelayTest {

	static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

	static class MemoryOutbox implements Outbox {

		final Map<UUID, OutboxMessage> pending = new LinkedHashMap<>();

		final Map<UUID, Instant> sent = new LinkedHashMap<>();

		final List<String> errors = new ArrayList<>();

		final Map<UUID, Instant> parked = new LinkedHashMap<>();

		@Override
		public void add(OutboxMessage m) {
			this.pending.put(m.id(), m);
		}

		/** lease owner per message id; the JDBC outbox's lease expiry is covered by JdbcOutboxLeaseIT */
		final Map<UUID, String> leases = new LinkedHashMap<>();

		@Override
		public List<OutboxMessage> claim(Instant now, String owner, Instant leasedUntil, int limit) {
			List<OutboxMessage> due = this.pending.values()
				.stream()
				.filter(m -> !m.nextAttemptAt().isAfter(now) && !this.leases.containsKey(m.id()))
				.limit(limit)
				.toList();
			due.forEach(m -> this.leases.put(m.id(), owner));
			return due;
		}

		private boolean release(UUID id, String owner) {
			return this.leases.remove(id, owner);
		}

		@Override
		public boolean markSent(UUID id, String owner, Instant at) {
			if (!release(id, owner)) {
				return false;
			}
			this.pending.remove(id);
			this.sent.put(id, at);
			return true;
		}

		@Override
		public boolean markParked(UUID id, String owner, String error, Instant at) {
			if (!release(id, owner)) {
				return false;
			}
			this.pending.remove(id);
			this.errors.add(error);
			this.parked.put(id, at);
			return true;
		}

		@Override
		public Counts counts() {
			return new Counts(this.pending.size(), this.parked.size());
		}

		@Override
		public boolean markFailed(UUID id, String owner, String error, Instant next) {
			if (!release(id, owner)) {
				return false;
			}
			OutboxMessage m = this.pending.get(id);
			this.errors.add(error);
			this.pending.put(id, new OutboxMessage(m.id(), m.destination(), m.idempotencyKey(), m.payload(), m.createdAt(),
					m.attempts() + 1, next));
			return true;
		}

	}

	static class MutableClock extends Clock {

		Instant now = T0;

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

	static class FlakyTalent implements OutboxDestination {

		int failuresLeft;

		final List<String> delivered = new ArrayList<>();

		FlakyTalent(int failures) {
			this.failuresLeft = failures;
		}

		@Override
		public String destination() {
			return OutboxMessage.TALENT_OUTCOME;
		}

		@Override
		public void deliver(OutboxMessage message) {
			if (this.failuresLeft > 0) {
				this.failuresLeft--;
				throw new IllegalStateException("UNAVAILABLE: talent-service down");
			}
			this.delivered.add(message.idempotencyKey());
		}

	}

	static OutboxMessage message(String key, String destination) {
		return new OutboxMessage(UUID.randomUUID(), destination, key, "{}", T0, 0, T0);
	}

	@Test
	void aFailedDeliveryIsRetriedAfterTheBackoffAndThenMarkedSent() {
		MemoryOutbox outbox = new MemoryOutbox();
		MutableClock clock = new MutableClock();
		FlakyTalent talent = new FlakyTalent(2);
		OutboxRelay relay = new OutboxRelay(outbox, List.of(talent), clock);
		outbox.add(message("review-outcome-1", OutboxMessage.TALENT_OUTCOME));

		assertThat(relay.relayDue(10)).isZero();
		assertThat(outbox.pending.values().iterator().next().nextAttemptAt()).isEqualTo(T0.plusSeconds(10));
		// not due yet: nothing is tried
		clock.now = T0.plusSeconds(5);
		assertThat(relay.relayDue(10)).isZero();
		assertThat(outbox.errors).hasSize(1);

		clock.now = T0.plusSeconds(10);
		assertThat(relay.relayDue(10)).isZero();
		assertThat(outbox.pending.values().iterator().next().nextAttemptAt()).isEqualTo(T0.plusSeconds(30));

		clock.now = T0.plusSeconds(30);
		assertThat(relay.relayDue(10)).isEqualTo(1);
		assertThat(talent.delivered).containsExactly("review-outcome-1");
		assertThat(outbox.pending).isEmpty();
		assertThat(relay.relayDue(10)).isZero();
		assertThat(talent.delivered).hasSize(1);
	}

	@Test
	void aRefusalNoRetryCanChangeParksTheMessageAndTransientOnesAreRetried() {
		MemoryOutbox outbox = new MemoryOutbox();
		MutableClock clock = new MutableClock();
		java.util.Map<String, RuntimeException> answers = new java.util.HashMap<>();
		answers.put("invalid", io.grpc.Status.INVALID_ARGUMENT.withDescription("title too long").asRuntimeException());
		answers.put("gone", io.grpc.Status.NOT_FOUND.asRuntimeException());
		answers.put("wrong-state", io.grpc.Status.FAILED_PRECONDITION.asRuntimeException());
		answers.put("refused", new OutboxDeliveryRefused("receiver refused", null));
		answers.put("down", io.grpc.Status.UNAVAILABLE.asRuntimeException());
		answers.put("slow", io.grpc.Status.DEADLINE_EXCEEDED.asRuntimeException());
		answers.put("token", io.grpc.Status.UNAUTHENTICATED.asRuntimeException());
		OutboxDestination receiver = new OutboxDestination() {
			@Override
			public String destination() {
				return OutboxMessage.REVIEW_OPEN;
			}

			@Override
			public void deliver(OutboxMessage message) {
				throw answers.get(message.idempotencyKey());
			}
		};
		answers.keySet().forEach(key -> outbox.add(message(key, OutboxMessage.REVIEW_OPEN)));
		OutboxRelay relay = new OutboxRelay(outbox, List.of(receiver), clock);

		assertThat(relay.relayDue(10)).isZero();
		assertThat(outbox.parked).hasSize(4);
		assertThat(outbox.pending.values()).extracting(OutboxMessage::idempotencyKey)
			.containsExactlyInAnyOrder("down", "slow", "token");
		assertThat(outbox.counts()).isEqualTo(new Outbox.Counts(3, 4));
		// parked messages are never tried again
		clock.now = T0.plus(Duration.ofHours(2));
		relay.relayDue(10);
		assertThat(outbox.parked).hasSize(4);
		assertThat(outbox.errors).hasSize(4 + 3 + 3);
	}

	@Test
	void oneUndeliverableMessageDoesNotBlockTheOthers() {
		MemoryOutbox outbox = new MemoryOutbox();
		FlakyTalent talent = new FlakyTalent(0);
		OutboxRelay relay = new OutboxRelay(outbox, List.of(talent), new MutableClock());
		outbox.add(message("nowhere", "project.RecordReviewOutcome"));
		outbox.add(message("review-outcome-2", OutboxMessage.TALENT_OUTCOME));
		assertThat(relay.relayDue(10)).isEqualTo(1);
		assertThat(talent.delivered).containsExactly("review-outcome-2");
		assertThat(outbox.pending).hasSize(1);
	}

	@Test
	void backoffDoublesFromTenSecondsUpToOneHour() {
		assertThat(OutboxRelay.backoff(1)).isEqualTo(Duration.ofSeconds(10));
		assertThat(OutboxRelay.backoff(2)).isEqualTo(Duration.ofSeconds(20));
		assertThat(OutboxRelay.backoff(5)).isEqualTo(Duration.ofSeconds(160));
		assertThat(OutboxRelay.backoff(30)).isEqualTo(Duration.ofHours(1));
	}

}
