package cn.jiangmen.innovation.portal.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every modifier class a template uses ({@code block--modifier}: a banner's kind, a status, an
 * urgent countdown) is styled in portal.css. A missing one renders a success, a warning and a
 * refusal alike, which a reader cannot tell apart. Prefixes completed at run time
 * ({@code 'status--' + code}) are skipped; their values are listed here when they matter.
 */
class StylesheetCoversTemplatesTest {

	private static final Pattern CLASS_ATTRIBUTE = Pattern.compile("\\bclass=\"([^\"]*)\"");

	private static final Pattern CLASS_APPEND = Pattern.compile("th:classappend=\"([^\"]*)\"");

	private static final Pattern QUOTED = Pattern.compile("'([\\w -]+)'");

	@Test
	void everyModifierClassInTheTemplatesIsStyled() throws IOException {
		String css = Files.readString(Path.of("src/main/resources/static/css/portal.css"));
		Set<String> used = new TreeSet<>();
		try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
			for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
				String html = Files.readString(file);
				collect(CLASS_ATTRIBUTE.matcher(html), used, false);
				collect(CLASS_APPEND.matcher(html), used, true);
			}
		}
		// the statuses shown through a computed class
		used.addAll(Set.of("status--call-draft", "status--call-open", "status--call-closed", "status--submitted",
				"status--returned", "status--rejected", "status--recommended"));
		Set<String> missing = new TreeSet<>();
		for (String name : used) {
			if (name.contains("--") && !name.endsWith("-")
					&& !Pattern.compile("\\." + Pattern.quote(name) + "(?![\\w-])").matcher(css).find()) {
				missing.add(name);
			}
		}
		assertThat(used).contains("banner--success", "banner--warning", "banner--info", "countdown--urgent");
		assertThat(missing).as("modifier classes used in templates but not in portal.css").isEmpty();
	}

	private static void collect(Matcher matcher, Set<String> into, boolean quotedOnly) {
		while (matcher.find()) {
			String value = matcher.group(1);
			if (quotedOnly) {
				Matcher quoted = QUOTED.matcher(value);
				while (quoted.find()) {
					into.addAll(Set.of(quoted.group(1).trim().split("\\s+")));
				}
			}
			else {
				into.addAll(Set.of(value.trim().split("\\s+")));
			}
		}
	}

}
