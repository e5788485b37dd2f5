package cn.jiangmen.innovation.platform.outbox;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Relays due outbox messages to their destinations without holding a database lock or transaction
 * while a receiver answers. Per message: a short statement leases it to this pass ({@code
 * lease_owner}, {@code leased_until}, taken with {@code for update skip locked}); the call goes out
 * with no transaction open; a second short statement records the outcome, but only while this pass
 * still owns the lease. So a hanging receiver holds up only its own message: business transactions
 * keep writing to the outbox, and other relay replicas deliver the other messages. A relay that
 * crashed mid-call leaves a lease that runs out ({@code jiangmen.outbox.relay.lease}), after which
 * the message is due again.
 * <p>
 * A failure is retried with exponential backoff (10 s doubling, at most 1 h). A refusal that no retry
 * can change (the receiver says the content is invalid, the object is gone or in the wrong state, the
 * call is not allowed or not implemented) parks the message as a dead letter and logs an error.
 * Receivers are idempotent by the message's key, so a message sent twice (a crash before the outcome
 * was recorded, or a lease that ran out during the call) is answered once.
 */
public class OutboxRelay {

	private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

	static final Duration FIRST_RETRY = Duration.ofSeconds(10);

	static final Duration MAX_RETRY = Duration.ofHours(1);

	static final Duration DEFAULT_LEASE = Duration.ofMinutes(1);

	private static final Set<Status.Code> PERMANENT = EnumSet.of(Status.Code.INVALID_ARGUMENT, Status.Code.NOT_FOUND,
			Status.Code.ALREADY_EXISTS, Status.Code.PERMISSION_DENIED, Status.Code.FAILED_PRECONDITION,
			Status.Code.OUT_OF_RANGE, Status.Code.UNIMPLEMENTED);

	private final Outbox outbox;

	private final Map<String, OutboxDestination> destinations;

	private final Clock clock;

	private final Duration lease;

	private final OutboxTraceContext trace;

	/** Names this process in {@code lease_owner}, so an operator sees who holds a message. */
	private final String instance = truncate(ManagementFactory.getRuntimeMXBean().getName(), 60);

	public OutboxRelay(Outbox outbox, List<OutboxDestination> destinations, Clock clock) {
		this(outbox, destinations, clock, DEFAULT_LEASE, OutboxTraceContext.NONE);
	}

	/**
	 * @param lease how long a claimed message stays this relay's; longer than a destination's call
	 * deadline, or a slow but successful call is sent a second time by another relay
	 */
	public OutboxRelay(Outbox outbox, List<OutboxDestination> destinations, Clock clock, Duration lease,
			OutboxTraceContext trace) {
		this.outbox = outbox;
		this.destinations = destinations.stream()
			.collect(Collectors.toMap(OutboxDestination::destination, Function.identity()));
		this.clock = clock;
		this.lease = lease;
		this.trace = trace;
	}

	/** One pass over at most {@code batch} messages; returns how many were delivered. */
	public int relayDue(int batch) {
		int sent = 0;
		for (int i = 0; i < batch; i++) {
			// one message per claim: a message whose receiver hangs keeps no other message waiting
			String owner = this.instance + "/" + UUID.randomUUID();
			Instant now = this.clock.instant();
			List<OutboxMessage> claimed = this.outbox.claim(now, owner, now.plus(this.lease), 1);
			if (claimed.isEmpty()) {
				break;
			}
			if (relay(claimed.get(0), owner)) {
				sent++;
			}
		}
		return sent;
	}

	private boolean relay(OutboxMessage message, String owner) {
		OutboxDestination destination = this.destinations.get(message.destination());
		try {
			if (destination == null) {
				throw new IllegalStateException("No destination " + message.destination());
			}
			this.trace.inTrace(message.traceparent(), "outbox " + message.destination(),
					() -> destination.deliver(message));
		}
		catch (Exception ex) {
			recordFailure(message, owner, ex);
			return false;
		}
		return recorded(this.outbox.markSent(message.id(), owner, this.clock.instant()), message);
	}

	private void recordFailure(OutboxMessage message, String owner, Exception ex) {
		int attempt = message.attempts() + 1;
		if (isPermanent(ex)) {
			if (recorded(this.outbox.markParked(message.id(), owner, ex.toString(), this.clock.instant()), message)) {
				log.error("Outbox message {} to {} refused for good, parked (attempt {}): {}", message.idempotencyKey(),
						message.destination(), attempt, ex.toString());
			}
			return;
		}
		Instant next = this.clock.instant().plus(backoff(attempt));
		if (recorded(this.outbox.markFailed(message.id(), owner, ex.toString(), next), message)) {
			log.warn("Outbox message {} to {} failed (attempt {}), next try at {}: {}", message.idempotencyKey(),
					message.destination(), attempt, next, ex.toString());
		}
	}

	private static boolean recorded(boolean recorded, OutboxMessage message) {
		if (!recorded) {
			// our lease ran out during the call and another relay claimed the message: its outcome counts
			log.warn("Outbox message {} to {}: lease lost during delivery, outcome left to the relay holding it",
					message.idempotencyKey(), message.destination());
		}
		return recorded;
	}

	/** Refusals a retry cannot change; everything else (unavailable, deadline, unauthenticated...) is retried. */
	static boolean isPermanent(Throwable ex) {
		if (ex instanceof OutboxDeliveryRefused) {
			return true;
		}
		if (ex instanceof StatusRuntimeException grpc) {
			return PERMANENT.contains(grpc.getStatus().getCode());
		}
		return false;
	}

	static Duration backoff(int attempts) {
		int exponent = Math.min(Math.max(attempts - 1, 0), 20);
		Duration delay = FIRST_RETRY.multipliedBy(1L << exponent);
		return delay.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : delay;
	}

	private static String truncate(String text, int max) {
		return text.length() > max ? text.substring(0, max) : text;
	}

}
