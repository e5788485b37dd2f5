package cn.jiangmen.innovation.benchmarks;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The CPU time the suite's processes (and this load generator) spent during a phase, per request.
 * On two cores a closed loop cannot go faster than two CPU-seconds per second divided by what one
 * request costs all processes together, so this says why a throughput or a latency is what it is,
 * and which process to look at first.
 */
final class ProcessCpu {

	static final String LOAD_GENERATOR = "load generator";

	private final Map<String, Long> pids;

	private ProcessCpu(Map<String, Long> pids) {
		this.pids = pids;
	}

	/** {@code gateway:123,portal:456,...} as benchmarks/run passes it; empty: only the load generator. */
	static ProcessCpu of(String spec) {
		Map<String, Long> pids = new LinkedHashMap<>();
		for (String entry : spec.split(",")) {
			int colon = entry.lastIndexOf(':');
			if (colon > 0) {
				pids.put(entry.substring(0, colon).trim(), Long.parseLong(entry.substring(colon + 1).trim()));
			}
		}
		return new ProcessCpu(pids);
	}

	/** CPU nanoseconds so far, by process (with its descendants: Keycloak's pid is its start script). */
	private Map<String, Long> sample() {
		Map<String, Long> nanos = new LinkedHashMap<>();
		for (Map.Entry<String, Long> pid : this.pids.entrySet()) {
			ProcessHandle.of(pid.getValue()).ifPresent(handle -> nanos.put(pid.getKey(),
					cpu(handle) + handle.descendants().mapToLong(ProcessCpu::cpu).sum()));
		}
		nanos.put(LOAD_GENERATOR, cpu(ProcessHandle.current()));
		return nanos;
	}

	/** What one measured phase did, and the milliseconds of CPU each process spent per request in it. */
	record Phase(Stats stats, Map<String, Object> cpuMsPerRequest) {

		/** The phase's figures with its CPU per request beside them, as the report reads them. */
		Map<String, Object> toMap() {
			Map<String, Object> m = new LinkedHashMap<>(this.stats.toMap());
			m.put("cpuMsPerRequest", this.cpuMsPerRequest);
			return m;
		}

	}

	interface Run {

		Stats run() throws InterruptedException;

	}

	/** Runs a phase between two samples of every process's CPU time. */
	Phase measure(Run phase) throws InterruptedException {
		Map<String, Long> before = sample();
		Stats stats = phase.run();
		return new Phase(stats, perRequest(before, sample(), stats.ok() + stats.failed()));
	}

	/** Milliseconds of CPU per request by process between two samples, and their total. */
	private static Map<String, Object> perRequest(Map<String, Long> before, Map<String, Long> after, long requests) {
		Map<String, Object> ms = new LinkedHashMap<>();
		double total = 0;
		for (Map.Entry<String, Long> end : after.entrySet()) {
			Long start = before.get(end.getKey());
			if (start == null || requests <= 0) {
				continue;
			}
			double each = (end.getValue() - start) / 1e6 / requests;
			ms.put(end.getKey(), Stats.round(each, 2));
			total += each;
		}
		ms.put("total", Stats.round(total, 2));
		return ms;
	}

	private static long cpu(ProcessHandle handle) {
		return handle.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
	}

}
