package cn.jiangmen.innovation.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * Puts one run's figures together: {@code load.json} (the load phases) and the plain files the
 * script wrote (machine, start, RSS, ledger and ranking benchmark output, the database check), each
 * figure beside its goal from issue 12, into {@code report.json} and {@code report.md}.
 */
final class Report {

	private final Path dir;

	private final List<Map<String, Object>> goals = new ArrayList<>();

	Report(Path dir) {
		this.dir = dir;
	}

	void write() throws IOException {
		Map<String, Object> report = new LinkedHashMap<>();
		Map<String, String> machine = keyValues("machine.txt");
		Map<String, String> start = keyValues("start.txt");
		JsonNode load = Files.exists(this.dir.resolve("load.json"))
				? Http.JSON.readTree(Files.readString(this.dir.resolve("load.json"))) : null;
		report.put("machine", machine);
		report.put("start", start);
		Map<String, Long> rssIdle = rss("rss-idle.txt");
		Map<String, Long> rssAfter = rss("rss-after.txt");
		report.put("rssKiBIdle", rssIdle);
		report.put("rssKiBAfterLoad", rssAfter);
		String ledger = text("ledger.txt");
		String ranking = text("ranking.txt");
		Map<String, String> db = keyValues("dbcheck.txt");

		// ------------------------------------------------------------------ the goals, in issue order
		if (load != null) {
			JsonNode reads = load.get("reads");
			for (String name : List.of("calls", "myApplications")) {
				JsonNode r = reads == null ? null : reads.get(name);
				if (r != null) {
					double ratio = r.get("throughputRatio").asDouble();
					goal("reads " + name + ": gateway/direct throughput", ratio, "≥ 0.85", ratio >= 0.85,
							"%.2f (%.0f/s vs %.0f/s; p99 %.1f vs %.1f ms)".formatted(ratio,
									r.get("gateway").get("throughputPerSecond").asDouble(),
									r.get("direct").get("throughputPerSecond").asDouble(), r.get("gateway").get("p99Ms").asDouble(),
									r.get("direct").get("p99Ms").asDouble()));
				}
			}
			JsonNode sub = load.get("submissions");
			if (sub != null) {
				double best = 0;
				int at = 0;
				double p99 = 0;
				for (JsonNode level : sub.get("gateway")) {
					if (level.get("p99Ms").asDouble() <= 250 && level.get("throughputPerSecond").asDouble() > best) {
						best = level.get("throughputPerSecond").asDouble();
						at = level.get("concurrency").asInt();
						p99 = level.get("p99Ms").asDouble();
					}
				}
				goal("submissions/s through the gateway with p99 ≤ 250 ms", best, "≥ 500", best >= 500,
						best == 0 ? "no level kept p99 ≤ 250 ms"
								: "%.0f/s at %d clients (p99 %.1f ms)".formatted(best, at, p99));
				double bestDirect = 0;
				for (JsonNode level : sub.get("direct")) {
					if (level.get("p99Ms").asDouble() <= 250) {
						bestDirect = Math.max(bestDirect, level.get("throughputPerSecond").asDouble());
					}
				}
				if (bestDirect > 0) {
					goal("submissions: gateway/direct best throughput with p99 ≤ 250 ms", best / bestDirect, "≥ 0.85",
							best / bestDirect >= 0.85, "%.2f (direct best %.0f/s)".formatted(best / bestDirect, bestDirect));
				}
				if (db.containsKey("submitted_in_db")) {
					long ack = sub.get("acknowledged").asLong();
					long inDb = Long.parseLong(db.get("submitted_in_db"));
					long rows = Long.parseLong(db.getOrDefault("rows_of_run", "-1"));
					goal("every acknowledged submission in the database exactly once", inDb, "= " + ack, inDb == ack,
							"%d acknowledged, %d SUBMITTED rows of this run (%d rows in all, drafts included)".formatted(ack, inDb, rows));
				}
			}
			JsonNode grpc = load.get("grpc");
			if (grpc != null) {
				for (Map.Entry<String, JsonNode> e : grpc.properties()) {
					JsonNode one = e.getValue().get("oneCaller");
					double p99 = one.get("p99Ms").asDouble();
					goal("gRPC " + e.getKey() + " p99 (loopback, one caller)", p99, "≤ 2 ms", p99 <= 2,
							"p50 %.2f ms, p99 %.2f ms".formatted(one.get("p50Ms").asDouble(), p99));
				}
			}
			JsonNode portal = load.get("portal");
			if (portal != null) {
				double p95 = portal.get("all").get("p95Ms").asDouble();
				StringBuilder pages = new StringBuilder();
				for (Map.Entry<String, JsonNode> e : portal.get("pages").properties()) {
					pages.append("; ").append(e.getKey()).append(" ")
						.append(String.format(Locale.ROOT, "%.0f", e.getValue().get("p95Ms").asDouble())).append(" ms");
				}
				goal("portal pages p95 at %d signed-in people".formatted(load.get("settings").get("portalUsers").asInt()), p95,
						"≤ 200 ms", p95 <= 200, "%.0f ms overall (successful pages only; answers: %s), %.0f pages/s%s".formatted(p95,
								outcomes(portal.get("all")), portal.get("all").get("throughputPerSecond").asDouble(), pages));
			}
		}
		Matcher ledgerRatio = Pattern.compile("ratio ledger/TPC-B: ([0-9.]+)").matcher(ledger);
		if (ledgerRatio.find()) {
			double ratio = Double.parseDouble(ledgerRatio.group(1));
			goal("ledger postings/s ÷ pgbench -M prepared TPC-B tps", ratio, "≥ 0.5", ratio >= 0.5,
					"%.2f: ".formatted(ratio) + ledger.lines().filter(l -> l.startsWith("ledger") || l.startsWith("pgbench")).reduce((a, b) -> a + "; " + b)
						.orElse(""));
		}
		else {
			goal("ledger postings/s ÷ pgbench TPC-B", Double.NaN, "≥ 0.5", false, "not measured: " + firstLine(ledger));
		}
		Matcher rank = Pattern.compile("normalise and rank ([0-9,]+) items .*?median ([0-9.]+) ms, best ([0-9.]+) ms")
			.matcher(ranking);
		if (rank.find()) {
			double median = Double.parseDouble(rank.group(2));
			goal("normalise and rank " + rank.group(1) + " items x 5 reviews (median of 15)", median, "≤ 1000 ms",
					median <= 1000, "median %s ms, best %s ms".formatted(rank.group(2), rank.group(3)));
		}
		else {
			goal("normalise and rank 100,000 items", Double.NaN, "≤ 1000 ms", false, "not measured: " + firstLine(ranking));
		}
		if (start.containsKey("total_seconds")) {
			double seconds = Double.parseDouble(start.get("total_seconds"));
			goal("suite start to all ready (" + start.getOrDefault("mode", "?") + ")", seconds, "≤ 60 s", seconds <= 60,
					"%.0f s%s".formatted(seconds, start.containsKey("keycloak_seconds")
							? " (Keycloak ready after " + start.get("keycloak_seconds") + " s)" : ""));
		}
		if (!rssIdle.isEmpty()) {
			long total = rssIdle.values().stream().mapToLong(Long::longValue).sum();
			long after = rssAfter.values().stream().mapToLong(Long::longValue).sum();
			goal("total RSS of the suite's processes", total / 1024.0, "≤ 1536 MiB", total / 1024.0 <= 1536,
					"%d MiB idle after start, %s after the load (%d processes)".formatted(total / 1024,
							rssAfter.isEmpty() ? "not measured" : (after / 1024) + " MiB", rssIdle.size()));
		}
		report.put("goals", this.goals);
		report.put("load", load);
		report.put("ledgerOutput", ledger.strip());
		report.put("rankingOutput", ranking.strip());
		report.put("databaseCheck", db);
		Files.writeString(this.dir.resolve("report.json"),
				Http.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(report), StandardCharsets.UTF_8);
		Files.writeString(this.dir.resolve("report.md"), markdown(machine, start, load, rssIdle, rssAfter, ledger, ranking),
				StandardCharsets.UTF_8);
	}

	private void goal(String what, double value, String goal, boolean met, String detail) {
		Map<String, Object> g = new LinkedHashMap<>();
		g.put("what", what);
		g.put("value", Double.isNaN(value) ? null : Stats.round(value, 3));
		g.put("goal", goal);
		g.put("met", met);
		g.put("detail", detail);
		this.goals.add(g);
	}

	private String markdown(Map<String, String> machine, Map<String, String> start, JsonNode load,
			Map<String, Long> rssIdle, Map<String, Long> rssAfter, String ledger, String ranking) {
		StringBuilder md = new StringBuilder();
		md.append("# Benchmark report ").append(machine.getOrDefault("date", "")).append("\n\n");
		md.append("Machine: ").append(machine.getOrDefault("nproc", "?")).append(" cores, ")
			.append(machine.getOrDefault("memory", "?")).append(" memory, ").append(machine.getOrDefault("java", "?"))
			.append("; commit ").append(machine.getOrDefault("commit", "?")).append(".\n");
		md.append("Load average at the start: ").append(machine.getOrDefault("loadavg", "?")).append("; other JVMs on the machine that are not the suite's: ")
			.append(machine.getOrDefault("other_jvms", "?")).append(".\n");
		md.append("Figures are from one run; compare ratios within it, not absolute numbers across machines or runs.\n\n");
		md.append("## Goals (issue 12)\n\n| what | measured | goal | met |\n|---|---|---|---|\n");
		for (Map<String, Object> g : this.goals) {
			md.append("| ").append(g.get("what")).append(" | ").append(g.get("detail")).append(" | ").append(g.get("goal"))
				.append(" | ").append(Boolean.TRUE.equals(g.get("met")) ? "yes" : "**no**").append(" |\n");
		}
		if (load != null && load.get("submissions") != null) {
			JsonNode sub = load.get("submissions");
			md.append("\n## Submissions at rising concurrency\n\n![throughput and p99 vs concurrency](chart.svg)\n\n");
			md.append(sub.get("operation").asString()).append(". Stopped: ").append(sub.get("stoppedBecause").asString())
				.append(".\n\n| clients | gateway /s | gateway p50 | gateway p99 | direct /s | direct p50 | direct p99 | gateway outcomes | direct outcomes |\n|---|---|---|---|---|---|---|---|---|\n");
			JsonNode g = sub.get("gateway");
			JsonNode d = sub.get("direct");
			for (int i = 0; i < g.size(); i++) {
				md.append(String.format(Locale.ROOT, "| %d | %.0f | %.1f ms | %.1f ms | %.0f | %.1f ms | %.1f ms | %s | %s |\n",
						g.get(i).get("concurrency").asInt(), g.get(i).get("throughputPerSecond").asDouble(),
						g.get(i).get("p50Ms").asDouble(), g.get(i).get("p99Ms").asDouble(),
						d.get(i).get("throughputPerSecond").asDouble(), d.get(i).get("p50Ms").asDouble(),
						d.get(i).get("p99Ms").asDouble(), outcomes(g.get(i)), outcomes(d.get(i))));
			}
		}
		if (load != null && load.get("reads") != null) {
			md.append("\n## Reads\n\n| read | clients | gateway /s | gateway p50 / p99 | direct /s | direct p50 / p99 | ratio | gateway outcomes |\n|---|---|---|---|---|---|---|---|\n");
			for (Map.Entry<String, JsonNode> e : load.get("reads").properties()) {
				JsonNode g = e.getValue().get("gateway");
				JsonNode d = e.getValue().get("direct");
				md.append(String.format(Locale.ROOT, "| `%s` | %d | %.0f | %.1f / %.1f ms | %.0f | %.1f / %.1f ms | %.2f | %s |\n",
						e.getValue().get("path").asString(), g.get("concurrency").asInt(), g.get("throughputPerSecond").asDouble(),
						g.get("p50Ms").asDouble(), g.get("p99Ms").asDouble(), d.get("throughputPerSecond").asDouble(),
						d.get("p50Ms").asDouble(), d.get("p99Ms").asDouble(), e.getValue().get("throughputRatio").asDouble(),
						outcomes(g)));
			}
		}
		if (load != null && load.get("grpc") != null) {
			md.append("\n## gRPC unary calls (loopback)\n\n| call | 1 caller p50 / p99 | 4 callers p50 / p99 | 4 callers /s |\n|---|---|---|---|\n");
			for (Map.Entry<String, JsonNode> e : load.get("grpc").properties()) {
				JsonNode one = e.getValue().get("oneCaller");
				JsonNode four = e.getValue().get("fourCallers");
				md.append(String.format(Locale.ROOT, "| %s | %.2f / %.2f ms | %.2f / %.2f ms | %.0f |\n", e.getKey(),
						one.get("p50Ms").asDouble(), one.get("p99Ms").asDouble(), four.get("p50Ms").asDouble(),
						four.get("p99Ms").asDouble(), four.get("throughputPerSecond").asDouble()));
			}
		}
		if (load != null && load.get("portal") != null) {
			JsonNode portal = load.get("portal");
			md.append("\n## Portal pages through the gateway, signed-in people\n\n")
				.append("People: ").append(portal.get("people").toString()).append("; each asks for its pages one after another, no think time.\n\n")
				.append("| page | pages/s | p50 | p95 | p99 | outcomes |\n|---|---|---|---|---|---|\n");
			for (Map.Entry<String, JsonNode> e : portal.get("pages").properties()) {
				JsonNode p = e.getValue();
				md.append(String.format(Locale.ROOT, "| %s | %.0f | %.0f ms | %.0f ms | %.0f ms | %s |\n", e.getKey(),
						p.get("throughputPerSecond").asDouble(), p.get("p50Ms").asDouble(), p.get("p95Ms").asDouble(),
						p.get("p99Ms").asDouble(), outcomes(p)));
			}
			JsonNode all = portal.get("all");
			md.append(String.format(Locale.ROOT, "| all | %.0f | %.0f ms | %.0f ms | %.0f ms | %s |\n",
					all.get("throughputPerSecond").asDouble(), all.get("p50Ms").asDouble(), all.get("p95Ms").asDouble(),
					all.get("p99Ms").asDouble(), outcomes(all)));
		}
		cpuPerRequest(md, load, Integer.parseInt(machine.getOrDefault("nproc", "2")));
		String profile = textQuietly("gateway-profile.txt");
		if (!profile.isBlank()) {
			md.append("\n## Gateway profile (JFR, during the load)\n\n```\n").append(profile.strip()).append("\n```\n");
		}
		md.append("\n## Ledger and ranking (existing harnesses, same run)\n\n```\n").append(ledger.strip()).append("\n")
			.append(ranking.strip()).append("\n```\n");
		md.append("\n## Start and resident memory\n\n");
		md.append("Start: ").append(start.isEmpty() ? "not measured" : start.toString()).append("\n");
		md.append("(`total_seconds`: `./suite up` to all ready; `keycloak_seconds`: Keycloak's start, not its first one;"
				+ " `ready.<app>`: seconds after Keycloak answered, when `./suite up` starts waiting: the four services start"
				+ " beside Keycloak, the portal and gateway after it; `cpu_seconds.<process>`: the CPU it had used once all"
				+ " were ready.)\n\n");
		md.append("| process | RSS idle after start | RSS after the load |\n|---|---|---|\n");
		long totalIdle = 0;
		long totalAfter = 0;
		for (Map.Entry<String, Long> e : rssIdle.entrySet()) {
			long after = rssAfter.getOrDefault(e.getKey(), 0L);
			totalIdle += e.getValue();
			totalAfter += after;
			md.append(String.format(Locale.ROOT, "| %s | %d MiB | %s |\n", e.getKey(), e.getValue() / 1024,
					rssAfter.isEmpty() ? "not measured" : (after / 1024) + " MiB"));
		}
		md.append(String.format(Locale.ROOT, "| total | %d MiB | %d MiB |\n", totalIdle / 1024, totalAfter / 1024));
		if (load != null) {
			md.append("\n## Settings\n\n```\n").append(load.get("settings").toPrettyString()).append("\n```\n");
		}
		md.append("\nFiles beside this one: `report.json` (every figure), `chart.svg`, `load.json`, and the raw outputs.\n");
		return md.toString();
	}

	/**
	 * CPU milliseconds per request by process: on n cores the throughput of a closed loop is at most
	 * n x 1,000 ms / the total, which is why a path is as fast as it is, and where its time goes.
	 */
	private static void cpuPerRequest(StringBuilder md, JsonNode load, int cores) {
		Map<String, JsonNode> rows = new LinkedHashMap<>();
		if (load != null && load.get("reads") != null) {
			for (Map.Entry<String, JsonNode> e : load.get("reads").properties()) {
				putCpu(rows, "read " + e.getKey() + " through the gateway", e.getValue().get("gateway"));
				putCpu(rows, "read " + e.getKey() + " direct", e.getValue().get("direct"));
			}
		}
		JsonNode submissions = load == null ? null : load.get("submissions");
		if (submissions != null) {
			for (int i = 0; i < submissions.get("gateway").size(); i++) {
				for (String path : List.of("gateway", "direct")) {
					JsonNode level = submissions.get(path).get(i);
					if (level != null) {
						putCpu(rows, "submission at " + level.get("concurrency").asInt() + " clients "
								+ (path.equals("gateway") ? "through the gateway" : "direct"), level);
					}
				}
			}
		}
		if (load != null && load.get("portal") != null) {
			putCpu(rows, "portal page", load.get("portal").get("all"));
		}
		if (rows.isEmpty()) {
			return;
		}
		List<String> processes = new ArrayList<>();
		for (JsonNode row : rows.values()) {
			for (Map.Entry<String, JsonNode> e : row.properties()) {
				if (!processes.contains(e.getKey()) && !e.getKey().equals("total")) {
					processes.add(e.getKey());
				}
			}
		}
		md.append("\n## CPU per request, by process\n\n")
			.append("Milliseconds of CPU each process spent per request during the phase (from /proc; Keycloak, PostgreSQL and")
			.append(" Redis with their children). On ").append(cores).append(" cores a closed loop does at most ")
			.append(cores * 1000).append(" ms / total requests per second (the ceiling).\n\n| request | ");
		processes.forEach(p -> md.append(p).append(" | "));
		md.append("total | ceiling /s |\n|---|");
		processes.forEach(p -> md.append("---|"));
		md.append("---|---|\n");
		for (Map.Entry<String, JsonNode> row : rows.entrySet()) {
			md.append("| ").append(row.getKey()).append(" | ");
			for (String p : processes) {
				JsonNode ms = row.getValue().get(p);
				md.append(ms == null ? "" : String.format(Locale.ROOT, "%.2f", ms.asDouble())).append(" | ");
			}
			double total = row.getValue().get("total").asDouble();
			md.append(String.format(Locale.ROOT, "%.2f | %.0f |\n", total, total > 0 ? cores * 1000 / total : 0));
		}
	}

	/** A row for the CPU table when the phase's figures carry their CPU per request. */
	private static void putCpu(Map<String, JsonNode> rows, String row, JsonNode phase) {
		if (phase != null && phase.get("cpuMsPerRequest") != null) {
			rows.put(row, phase.get("cpuMsPerRequest"));
		}
	}

	private static String outcomes(JsonNode stats) {
		StringBuilder s = new StringBuilder();
		for (Map.Entry<String, JsonNode> e : stats.get("outcomes").properties()) {
			s.append(s.isEmpty() ? "" : ", ").append(e.getKey().replace("|", "/")).append(": ").append(e.getValue().asLong());
		}
		return s.toString();
	}

	private Map<String, String> keyValues(String file) throws IOException {
		Map<String, String> m = new LinkedHashMap<>();
		for (String line : text(file).lines().toList()) {
			int eq = line.indexOf('=');
			if (eq > 0) {
				m.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
			}
		}
		return m;
	}

	/** Lines {@code name pid kib}: RSS per process (the script sums a process and its children). */
	private Map<String, Long> rss(String file) throws IOException {
		Map<String, Long> m = new LinkedHashMap<>();
		for (String line : text(file).lines().toList()) {
			String[] parts = line.trim().split("\\s+");
			if (parts.length == 3 && parts[2].matches("[0-9]+")) {
				m.put(parts[0], Long.parseLong(parts[2]));
			}
		}
		return m;
	}

	private String text(String file) throws IOException {
		Path path = this.dir.resolve(file);
		return Files.exists(path) ? Files.readString(path) : "";
	}

	private String textQuietly(String file) {
		try {
			return text(file);
		}
		catch (IOException ex) {
			return "";
		}
	}

	private static String firstLine(String text) {
		return text.isBlank() ? "(no output)" : text.lines().findFirst().orElse("");
	}

}
