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
 * exponential backoff (10 s doubling, at most 1 h). A refusal that no retry can change (the receiver
 * says the content is invalid, the object is gone or in the wrong state, the call is not allowed or
 * not implemented) parks the message as a dead letter and logs an error instead of retrying it
 * forever. Receivers are idempotent by the message's key, so a message sent but not marked (crash in
 * between) is harmless when sent again.
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
				if (isPermanent(ex)) {
					log.error("Outbox message {} to {} refused for good, parked (attempt {}): {}",
							message.idempotencyKey(), message.destination(), message.attempts() + 1, ex.toString());
					this.outbox.markParked(message.id(), ex.toString(), this.clock.instant());
					continue;
				}
				Instant next = this.clock.instant().plus(backoff(message.attempts() + 1));
				log.warn("Outbox message {} to {} failed (attempt {}), next try at {}: {}", message.idempotencyKey(),
						message.destination(), message.attempts() + 1, next, ex.toString());
				this.outbox.markFailed(message.id(), ex.toString(), next);
			}
		}
		return sent;
	}

	/** Refusals a retry cannot change; everything else (unavailable, deadline, unauthenticated...) is retried. */
	static boolean isPermanent(Throwable ex) {
		if (ex instanceof OutboxDeliveryRefused) {
			return true;
		}
		if (ex instanceof io.grpc.StatusRuntimeException grpc) {
			return PERMANENT.contains(grpc.getStatus().getCode());
		}
		return false;
	}

	private static final java.util.Set<io.grpc.Status.Code> PERMANENT = java.util.EnumSet.of(
			io.grpc.Status.Code.INVALID_ARGUMENT, io.grpc.Status.Code.NOT_FOUND, io.grpc.Status.Code.ALREADY_EXISTS,
			io.grpc.Status.Code.PERMISSION_DENIED, io.grpc.Status.Code.FAILED_PRECONDITION,
			io.grpc.Status.Code.OUT_OF_RANGE, io.grpc.Status.Code.UNIMPLEMENTED);

	static Duration backoff(int attempts) {
		int exponent = Math.min(Math.max(attempts - 1, 0), 20);
		Duration delay = FIRST_RETRY.multipliedBy(1L << exponent);
		return delay.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : delay;
	}

}
