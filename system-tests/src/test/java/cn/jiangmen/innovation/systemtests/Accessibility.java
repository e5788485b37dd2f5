package cn.jiangmen.innovation.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;

/**
 * axe-core (Deque's, bundled in {@code com.deque.html.axe-core:selenium}: nothing is downloaded)
 * run on the page a browser test shows: the quality bar says every portal page is axe-clean
 * against WCAG 2.1 A and AA, and axe's best practices (landmarks, one main, heading order) too.
 * No rule is turned off here; a page that cannot meet one says why next to the element.
 */
public final class Accessibility {

	/** WCAG 2.0 and 2.1, levels A and AA, and axe's best practices. */
	static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice");

	/**
	 * Pages already checked in this JVM, by name: five experts score the same sheet and three tests
	 * start from the same calls page, and one check of a page is as good as five.
	 */
	private static final Set<String> CHECKED = ConcurrentHashMap.newKeySet();

	private Accessibility() {
	}

	/**
	 * Runs axe on the page the browser shows and fails with one line per violation and element: the
	 * rule, its impact, the element's selector, what is wrong and the rule's help page. The report is
	 * also written to {@code system-tests/target/axe/<page>.txt}. A page that passed under this name
	 * is not checked again.
	 */
	public static void assertAccessible(WebDriver browser, String page) {
		if (CHECKED.contains(page)) {
			return;
		}
		Results results = new AxeBuilder().withTags(TAGS).analyze(browser);
		if (results.isErrored()) {
			throw new AssertionError("axe could not run on " + page + " (" + browser.getCurrentUrl() + "): "
					+ results.getErrorMessage());
		}
		List<Rule> violations = results.getViolations();
		String report = report(violations);
		write(page, browser.getCurrentUrl() + "\n" + report);
		if (!violations.isEmpty()) {
			throw new AssertionError("axe: " + violations.size() + " rule(s) violated on " + page + " ("
					+ browser.getCurrentUrl() + ")\n" + report);
		}
		CHECKED.add(page);
	}

	/**
	 * The check at desktop width (1280 px) and on a phone (390 px): the layouts differ (tables fold
	 * into cards, charts redraw), so each is checked. The window is left at 1280 px.
	 */
	public static void assertAccessibleAtBothWidths(WebDriver browser, String page) {
		browser.manage().window().setSize(new Dimension(1280, 900));
		assertAccessible(browser, page + "-1280");
		browser.manage().window().setSize(new Dimension(390, 844));
		try {
			assertAccessible(browser, page + "-390");
		}
		finally {
			browser.manage().window().setSize(new Dimension(1280, 900));
		}
	}

	static String report(List<Rule> violations) {
		StringBuilder out = new StringBuilder();
		for (Rule rule : violations) {
			out.append("- ")
				.append(rule.getId())
				.append(" [")
				.append(rule.getImpact())
				.append("] ")
				.append(rule.getHelp())
				.append(" — ")
				.append(rule.getHelpUrl())
				.append('\n');
			for (CheckedNode node : rule.getNodes()) {
				out.append("    at ").append(target(node.getTarget())).append('\n');
				if (node.getFailureSummary() != null) {
					out.append("       ")
						.append(node.getFailureSummary().replace("\n", "\n       "))
						.append('\n');
				}
			}
		}
		return out.toString();
	}

	private static String target(Object target) {
		if (target instanceof List<?> list) {
			return list.stream().map(String::valueOf).collect(Collectors.joining(" >> "));
		}
		return String.valueOf(target);
	}

	private static void write(String page, String report) {
		Path file = RunningSuite.repoRoot().resolve("system-tests/target/axe/" + page + ".txt");
		try {
			Files.createDirectories(file.getParent());
			Files.writeString(file, report, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
