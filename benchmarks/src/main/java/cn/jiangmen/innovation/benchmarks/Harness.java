package cn.jiangmen.innovation.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Entry point used by {@code benchmarks/run} (never by the build): {@code load --dir D [--key value ...]}
 * runs the load phases against the running suite, {@code report --dir D} writes the report.
 */
public final class Harness {

	private Harness() {
	}

	public static void main(String[] args) throws Exception {
		if (args.length == 0 || !(args[0].equals("load") || args[0].equals("report"))) {
			System.err.println("usage: Harness load|report --dir DIR [--levels 4,8,16,32,64] [--users 100] ...");
			System.exit(2);
		}
		Map<String, String> options = new LinkedHashMap<>();
		for (int i = 1; i + 1 < args.length; i += 2) {
			if (!args[i].startsWith("--")) {
				throw new IllegalArgumentException("expected --option value, got " + args[i]);
			}
			options.put(args[i].substring(2), args[i + 1]);
		}
		Path dir = Path.of(options.getOrDefault("dir", "."));
		Files.createDirectories(dir);
		if (args[0].equals("load")) {
			new LoadRun(LoadRun.Settings.from(options, dir)).run();
		}
		else {
			new Report(dir).write();
		}
		System.exit(0);
	}

}
