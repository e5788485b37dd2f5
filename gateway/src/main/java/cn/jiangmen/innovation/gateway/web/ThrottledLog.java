package cn.jiangmen.innovation.gateway.web;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.commons.logging.Log;

/**
 * At most one WARN line per interval for a condition that repeats on every request (Redis or an
 * upstream down): an outage must be visible in the log without burying everything else in it.
 * The line says how many were suppressed since the last one.
 */
public final class ThrottledLog {

	private final Log log;

	private final long intervalNanos;

	private final AtomicLong nextAllowed = new AtomicLong(Long.MIN_VALUE);

	private final AtomicLong suppressed = new AtomicLong();

	public ThrottledLog(Log log, Duration interval) {
		this.log = log;
		this.intervalNanos = interval.toNanos();
	}

	public void warn(String message, Throwable cause) {
		long now = System.nanoTime();
		long next = nextAllowed.get();
		if ((next != Long.MIN_VALUE && now - next < 0) || !nextAllowed.compareAndSet(next, now + intervalNanos)) {
			suppressed.incrementAndGet();
			return;
		}
		long skipped = suppressed.getAndSet(0);
		String line = (skipped > 0) ? message + " (" + skipped + " similar lines suppressed)" : message;
		// the cause's message, not its stack trace: the same trace on every line helps no one
		log.warn(line + ": " + cause);
	}

}
