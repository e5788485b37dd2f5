package cn.jiangmen.innovation.benchmarks;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one measured phase did: how many operations, how long it took on the wall clock, their
 * latencies (all of them, sorted: the phases are bounded, so no histogram is needed) and the
 * answers by status. Only successful operations count for throughput and latency.
 */
public record Stats(String name, int concurrency, long ok, long failed, double seconds, long[] sortedNanos,
		Map<String, Long> outcomes) {

	static Stats of(String name, int concurrency, long[] nanos, int okCount, long failed, double seconds,
			Map<String, Long> outcomes) {
		long[] copy = Arrays.copyOf(nanos, okCount);
		Arrays.sort(copy);
		return new Stats(name, concurrency, okCount, failed, seconds, copy, new TreeMap<>(outcomes));
	}

	/** Successful operations per second of wall time. */
	public double throughput() {
		return this.seconds <= 0 ? 0 : this.ok / this.seconds;
	}

	/** The latency below which {@code p} percent of successful operations stayed, in milliseconds. */
	public double percentileMs(double p) {
		if (this.sortedNanos.length == 0) {
			return Double.NaN;
		}
		int index = (int) Math.ceil(p / 100.0 * this.sortedNanos.length) - 1;
		return this.sortedNanos[Math.max(0, Math.min(index, this.sortedNanos.length - 1))] / 1e6;
	}

	Map<String, Object> toMap() {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("name", this.name);
		m.put("concurrency", this.concurrency);
		m.put("ok", this.ok);
		m.put("failed", this.failed);
		m.put("seconds", round(this.seconds, 2));
		m.put("throughputPerSecond", round(throughput(), 1));
		m.put("p50Ms", round(percentileMs(50), 2));
		m.put("p95Ms", round(percentileMs(95), 2));
		m.put("p99Ms", round(percentileMs(99), 2));
		m.put("maxMs", round(percentileMs(100), 2));
		m.put("outcomes", this.outcomes);
		return m;
	}

	static double round(double value, int places) {
		if (Double.isNaN(value) || Double.isInfinite(value)) {
			return -1;
		}
		double scale = Math.pow(10, places);
		return Math.round(value * scale) / scale;
	}

}
