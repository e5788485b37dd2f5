package cn.jiangmen.innovation.platform.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.transaction.annotation.Transactional;

/**
 * Relays due outbox messages to their destinations. Rows are claimed with {@code for update skip
 * locked}, so several replicas never send the same message at once; a failure is retried with
 * exponential backoff (10 s doubling, at most 1 h). Receivers are idempotent by the message's key,
 * so a message sent but not marked (crash in between) is harmless when sent again.
 */
public class OutboxRelay {

	private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

	static final Duration FIRST_RETRY = Duration.ofSeconds(10);

	static final Duration MAX_RETRY = Duration.ofHours(1);

	private final Outbox outbox;

	private final Map<String, OutboxDestination> destinations;

	private final Clock clock;

	public OutboxRelay(Outbox outbox, List<OutboxDestination> destinations, Clock clock) {
		this.outbox = outbox;
		this.destinations = destinations.stream()
			.collect(Collectors.toMap(OutboxDestination::destination, Function.identity()));
		this.clock = clock;
	}

	/** One pass; returns how many messages were delivered. */
	@Transactional
	public int relayDue(int batch) {
		Instant now = this.clock.instant();
		int sent = 0;
		for (OutboxMessage message : this.outbox.claimDue(now, batch)) {
			OutboxDestination destination = this.destinations.get(message.destination());
			try {
				if (destination == null) {
					throw new IllegalStateException("No destination " + message.destination());
				}
				destination.deliver(message);
				this.outbox.markSent(message.id(), this.clock.instant());
				sent++;
			}
			catch (Exception ex) {
				Instant next = this.clock.instant().plus(backoff(message.attempts() + 1));
				log.warn("Outbox message {} to {} failed (attempt {}), next try at {}: {}", message.idempotencyKey(),
						message.destination(), message.attempts() + 1, next, ex.toString());
				this.outbox.markFailed(message.id(), ex.toString(), next);
			}
		}
		return sent;
	}

	static Duration backoff(int attempts) {
		int exponent = Math.min(Math.max(attempts - 1, 0), 20);
		Duration delay = FIRST_RETRY.multipliedBy(1L << exponent);
		return delay.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : delay;
	}

}
