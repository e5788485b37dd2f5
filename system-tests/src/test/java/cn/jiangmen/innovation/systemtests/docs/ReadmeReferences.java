package cn.jiangmen.innovation.systemtests.docs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds what a README names that the checkout does not have: a file or folder in backticks or in
 * a link, a verb of a script ({@code ./suite up}, {@code auth/keycloak.sh start}), or a module, a
 * test class or a flag of a {@code ./mvnw} command (in backticks or in a shell block).
 * <p>
 * Only what is unambiguously a repository path is checked, so prose stays free: a backticked word
 * whose first segment is a top-level entry of the repository ({@code auth/keycloak.sh}), a path
 * under the README's own module ({@code src/main/...}), or a file name with a source extension
 * ({@code buf.yaml}, {@code realm/jiangmen-realm.json}), found anywhere; and a module's name
 * ({@code talent-service}). Placeholders and globs
 * ({@code <service>}, {@code *}, {@code ...}) are not paths.
 */
final class ReadmeReferences {

	/** Named in READMEs on purpose although no checkout has them; each with the reason. */
	static final Set<String> ALLOWED = Set.of(
			// the design notes live beside the repository on the team's machines, as the README says
			"../shared/DESIGN.md",
			// inside the Spring Cloud Gateway jar, not this repository
			"META-INF/scripts/request_rate_limiter.lua",
			// entries inside a DOCX / XLSX upload (how talent-service recognises them)
			"word/document.xml", "xl/workbook.xml",
			// Keycloak's own launcher, inside its distribution
			"kc.sh");

	private static final Pattern SPAN = Pattern.compile("`([^`\\n]+)`");

	private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

	private static final Pattern SHELL_BLOCK = Pattern.compile("```(?:bash|sh|shell)\\n(.*?)```", Pattern.DOTALL);

	private static final Pattern NOT_A_PATH = Pattern.compile(".*([<>{}$*|~@:\\[\\]\"'=]|\\.\\.\\.).*");

	private static final Pattern SOURCE_FILE = Pattern
		.compile(".*\\.(md|sh|ya?ml|json|proto|sql|xml|binpb|java|properties|html)");

	/** A module's name as the READMEs write it: {@code talent-service}. */
	private static final Pattern SERVICE_MODULE = Pattern.compile("[a-z]+(-[a-z]+)*-service");

	private static final Pattern SCRIPT_VERB = Pattern.compile("(?m)^\\s*([a-z][a-z-]*)\\)");

	private static final Set<String> MAVEN_PHASES = Set.of("clean", "validate", "compile", "test-compile", "test",
			"package", "verify", "install", "integration-test");

	private static final Set<String> MAVEN_PLUGIN_PREFIXES = Set.of("exec", "spring-boot", "dependency", "help",
			"versions", "surefire", "failsafe", "protobuf", "wrapper");

	/** Flags that take no value, and those whose value follows as the next word. */
	private static final Set<String> MAVEN_FLAGS = Set.of("-B", "-o", "-q", "-am", "-amd", "-U", "-e", "-X",
			"--batch-mode", "--offline", "--quiet", "--also-make");

	private static final Set<String> MAVEN_FLAGS_WITH_VALUE = Set.of("-pl", "-rf", "-T", "-P", "-f", "--projects");

	private final Repository repository;

	ReadmeReferences(Repository repository) {
		this.repository = repository;
	}

	/** One line per thing the README names that does not exist; empty when all is true. */
	List<String> problems(Path readme, String text) {
		Path dir = readme.getParent() == null ? Path.of("") : readme.getParent();
		Set<String> problems = new LinkedHashSet<>();
		Matcher span = SPAN.matcher(withoutShellBlocks(text));
		while (span.find()) {
			String content = span.group(1).trim();
			if (content.startsWith("./mvnw ") || content.startsWith("./suite ") || content.startsWith("bash ")
					|| content.contains(".sh ")) {
				command(content, problems);
			}
			else if (!content.contains(" ")) {
				path(dir, content, problems);
			}
		}
		Matcher link = LINK.matcher(text);
		while (link.find()) {
			String target = link.group(1).replaceAll("#.*", "");
			if (!target.isEmpty() && !target.contains("://") && !target.startsWith("mailto:")
					&& !ALLOWED.contains(target) && !this.repository.has(dir.resolve(target))) {
				problems.add("link to a missing file: " + target);
			}
		}
		Matcher block = SHELL_BLOCK.matcher(text);
		while (block.find()) {
			for (String line : block.group(1).replace("\\\n", " ").split("\\n")) {
				String code = line.replaceAll("\\s+#.*$", "").trim();
				if (!code.isEmpty() && !code.startsWith("#")) {
					command(code, problems);
				}
			}
		}
		return new ArrayList<>(problems);
	}

	private static String withoutShellBlocks(String text) {
		return SHELL_BLOCK.matcher(text).replaceAll("");
	}

	private void path(Path dir, String content, Set<String> problems) {
		if (ALLOWED.contains(content) || NOT_A_PATH.matcher(content).matches() || content.startsWith("/")
				|| content.startsWith("-") || content.contains("://")) {
			return;
		}
		if (SERVICE_MODULE.matcher(content).matches()) {
			if (!this.repository.isModule(content)) {
				problems.add("no such module: " + content);
			}
			return;
		}
		String path = content.startsWith("./") ? content.substring(2) : content;
		if (Repository.isGenerated(Path.of(path))) {
			return; // build output and run directories: made by the build or ./suite, never committed
		}
		boolean rooted = path.contains("/") && this.repository.hasTopLevel(path.split("/")[0]);
		if (rooted) {
			if (!this.repository.has(Path.of(path))) {
				problems.add("no such file or folder: " + content);
			}
		}
		else if (content.startsWith("src/")) {
			if (!this.repository.has(dir.resolve(content))) {
				problems.add("no such file or folder in " + dir + ": " + content);
			}
		}
		else if (SOURCE_FILE.matcher(content).matches() && !this.repository.hasFileEndingWith(content)) {
			problems.add("no file named " + content);
		}
	}

	/** Checks each command of a line such as {@code cd x && ./mvnw -pl a verify; ./suite up}. */
	private void command(String line, Set<String> problems) {
		for (String command : line.split("&&|;|\\|\\||\\(|\\)")) {
			List<String> words = Arrays.stream(command.trim().split("\\s+")).filter(w -> !w.isEmpty()).toList();
			if (words.isEmpty()) {
				continue;
			}
			String program = words.get(0);
			if (program.equals("bash") && words.size() > 1) {
				words = words.subList(1, words.size());
				program = words.get(0);
			}
			if (program.equals("./mvnw")) {
				maven(words.subList(1, words.size()), problems);
			}
			else if (program.startsWith("./") || program.endsWith(".sh") || program.startsWith(".ci/")) {
				script(program, words, problems);
			}
		}
	}

	private void script(String program, List<String> words, Set<String> problems) {
		if (ALLOWED.contains(program)) {
			return;
		}
		Path script = Path.of(program.startsWith("./") ? program.substring(2) : program);
		if (!this.repository.has(script)) {
			problems.add("no such script: " + program);
			return;
		}
		String body = this.repository.read(script);
		if (words.size() > 1 && body.contains("case \"${1:-}\" in")) {
			String verb = words.get(1);
			Set<String> verbs = new LinkedHashSet<>();
			SCRIPT_VERB.matcher(body).results().forEach(result -> verbs.add(result.group(1)));
			if (!verbs.contains(verb)) {
				problems.add(program + " has no verb '" + verb + "' (it knows " + verbs + ")");
			}
		}
	}

	private void maven(List<String> args, Set<String> problems) {
		for (int i = 0; i < args.size(); i++) {
			String arg = args.get(i);
			if (MAVEN_FLAGS_WITH_VALUE.contains(arg) && i + 1 < args.size()) {
				String value = args.get(++i);
				if (arg.equals("-pl") || arg.equals("--projects") || arg.equals("-rf")) {
					for (String module : value.split(",")) {
						if (!this.repository.isModule(module.replaceFirst("^:", ""))) {
							problems.add("./mvnw names a module that does not exist: " + module);
						}
					}
				}
			}
			else if (arg.startsWith("-D")) {
				property(arg.substring(2), problems);
			}
			else if (!MAVEN_FLAGS.contains(arg) && !MAVEN_PHASES.contains(arg) && !isPluginGoal(arg)) {
				problems.add("./mvnw argument not understood: " + arg);
			}
		}
	}

	private static boolean isPluginGoal(String arg) {
		int colon = arg.indexOf(':');
		return colon > 0 && MAVEN_PLUGIN_PREFIXES.contains(arg.substring(0, colon));
	}

	private void property(String property, Set<String> problems) {
		String[] pair = property.split("=", 2);
		if (pair.length < 2) {
			return;
		}
		if (pair[0].equals("test") || pair[0].equals("it.test")) {
			for (String test : pair[1].split(",")) {
				String name = test.replaceAll("#.*", "");
				if (!name.contains("*") && !name.startsWith("!") && !this.repository.hasFileEndingWith(name + ".java")) {
					problems.add("./mvnw names a test class that does not exist: " + name);
				}
			}
		}
		else if (pair[0].equals("exec.mainClass")
				&& !this.repository.hasFileEndingWith(pair[1].replace('.', '/') + ".java")) {
			problems.add("./mvnw names a main class that does not exist: " + pair[1]);
		}
	}

}
