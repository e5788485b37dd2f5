package cn.jiangmen.innovation.benchmarks;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop load: {@code concurrency} threads each run one operation after another until
 * {@code maxOperations} have been started or {@code maxSeconds} have passed, whichever comes first,
 * so every phase stops by itself. An operation returns a short outcome ("200", "429", "io") and
 * counts as successful when it is a 2xx.
 */
final class Load {

	@FunctionalInterface
	interface Operation {

		/** Runs operation number {@code index} on thread {@code thread}; returns its outcome (an HTTP status, or a word). */
		String run(int thread, int index) throws Exception;

	}

	private Load() {
	}

	static Stats run(String name, int concurrency, int maxOperations, double maxSeconds, Operation operation)
			throws InterruptedException {
		long[] nanos = new long[maxOperations];
		AtomicInteger next = new AtomicInteger();
		AtomicInteger okSlots = new AtomicInteger();
		AtomicLong failed = new AtomicLong();
		Map<String, Long> outcomes = new ConcurrentHashMap<>();
		long start = System.nanoTime();
		long deadline = start + (long) (maxSeconds * 1e9);
		CountDownLatch done = new CountDownLatch(concurrency);
		for (int t = 0; t < concurrency; t++) {
			int threadNumber = t;
			Thread thread = new Thread(() -> {
				try {
					while (System.nanoTime() < deadline) {
						int index = next.getAndIncrement();
						if (index >= maxOperations) {
							break;
						}
						long begin = System.nanoTime();
						String outcome;
						try {
							outcome = operation.run(threadNumber, index);
						}
						catch (Exception ex) {
							outcome = ex.getClass().getSimpleName();
						}
						long took = System.nanoTime() - begin;
						outcomes.merge(outcome, 1L, Long::sum);
						if (outcome.startsWith("2")) {
							nanos[okSlots.getAndIncrement()] = took;
						}
						else {
							failed.incrementAndGet();
						}
					}
				}
				finally {
					done.countDown();
				}
			}, name + "-" + t);
			thread.setDaemon(true);
			thread.start();
		}
		// the operations have their own timeouts; this is the last word on "stops by itself"
		if (!done.await((long) maxSeconds + 60, TimeUnit.SECONDS)) {
			outcomes.merge("unfinished-threads", done.getCount(), Long::sum);
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		return Stats.of(name, concurrency, nanos, okSlots.get(), failed.get(), seconds, outcomes);
	}

}
