package cn.jiangmen.innovation.portal.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import cn.jiangmen.innovation.contracts.talent.v1.ApplicationStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Both languages say everything, and the templates say nothing themselves. */
class MessagesAndTemplatesTest {

	static final Path TEMPLATES = Path.of("src/main/resources/templates");

	static final Pattern CJK = Pattern.compile("[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}\\p{IsHangul}\\u3000-\\u303f\\uff00-\\uffef]");

	/** Every basename of spring.messages.basename: one bundle per bounded context keeps edits apart. */
	static final List<String> BUNDLES = List.of("messages", "i18n/talent", "i18n/review", "i18n/finance",
			"i18n/projects", "i18n/project-manager");

	static final Pattern MESSAGE_KEY = Pattern.compile("#\\{([a-zA-Z0-9_.-]+)[}(]");

	@Test
	void everyEnglishKeyHasAChineseTranslationAndViceVersa() throws IOException {
		for (String bundle : BUNDLES) {
			Set<String> english = keys(bundle + ".properties");
			Set<String> chinese = keys(bundle + "_zh_CN.properties");
			assertThat(chinese).as("keys only in %s.properties", bundle).containsAll(english);
			assertThat(english).as("keys only in %s_zh_CN.properties", bundle).containsAll(chinese);
		}
		assertThat(allEnglishKeys()).isNotEmpty();
	}

	@Test
	void noKeyIsDefinedInTwoBundles() throws IOException {
		Set<String> seen = new TreeSet<>();
		for (String bundle : BUNDLES) {
			for (String key : keys(bundle + ".properties")) {
				assertThat(seen.add(key)).as("%s defined again in %s", key, bundle).isTrue();
			}
		}
	}

	@Test
	void chineseMessagesAreNotLeftInEnglish() throws IOException {
		List<String> untranslated = new ArrayList<>();
		for (String bundle : BUNDLES) {
			Properties chinese = load(bundle + "_zh_CN.properties");
			for (String key : chinese.stringPropertyNames()) {
				String value = chinese.getProperty(key);
				boolean exempt = key.startsWith("lang.switch.") || key.startsWith("format.");
				if (!exempt && !CJK.matcher(value).find()) {
					untranslated.add(key);
				}
			}
		}
		assertThat(untranslated).as("zh_CN values without any Chinese").isEmpty();
	}

	@Test
	void everyStatusOfTheContractHasALabel() throws IOException {
		Set<String> english = keys("messages.properties");
		for (ApplicationStatus status : ApplicationStatus.values()) {
			if (status == ApplicationStatus.UNRECOGNIZED) {
				continue;
			}
			String name = status == ApplicationStatus.APPLICATION_STATUS_UNSPECIFIED ? "UNSPECIFIED"
					: status.name().substring("APPLICATION_STATUS_".length());
			assertThat(english).contains("application.status." + name);
		}
	}

	@Test
	void everyLiteralMessageKeyUsedInTemplatesExists() throws IOException {
		Set<String> english = allEnglishKeys();
		for (Path template : templates()) {
			Matcher keys = MESSAGE_KEY.matcher(Files.readString(template));
			while (keys.find()) {
				assertThat(english).as("%s uses #{%s}", template, keys.group(1)).contains(keys.group(1));
			}
		}
	}

	@Test
	void templatesContainNoCjkText() throws IOException {
		for (Path template : templates()) {
			assertThat(CJK.matcher(Files.readString(template)).find()).as("CJK literal in %s", template).isFalse();
		}
	}

	@Test
	void templatesContainNoLiteralWordsOutsideMessageExpressions() throws IOException {
		Pattern comment = Pattern.compile("<!--.*?-->", Pattern.DOTALL);
		Pattern tag = Pattern.compile("<[^>]*>", Pattern.DOTALL);
		Pattern letters = Pattern.compile("\\p{L}{2,}");
		Pattern humanAttribute = Pattern.compile("\\s(aria-label|title|alt|placeholder|value)=\"([^\"]*)\"");
		for (Path template : templates()) {
			String html = comment.matcher(Files.readString(template)).replaceAll("");
			for (String text : tag.split(html)) {
				assertThat(letters.matcher(text).find()).as("literal text %s in %s", text.strip(), template)
					.isFalse();
			}
			Matcher attributes = humanAttribute.matcher(html);
			while (attributes.find()) {
				assertThat(letters.matcher(attributes.group(2)).find())
					.as("literal %s=\"%s\" in %s", attributes.group(1), attributes.group(2), template)
					.isFalse();
			}
		}
	}

	static List<Path> templates() throws IOException {
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			List<Path> html = files.filter(p -> p.toString().endsWith(".html")).toList();
			assertThat(html).isNotEmpty();
			return html;
		}
	}

	static Set<String> allEnglishKeys() throws IOException {
		Set<String> all = new TreeSet<>();
		for (String bundle : BUNDLES) {
			all.addAll(keys(bundle + ".properties"));
		}
		return all;
	}

	static Set<String> keys(String bundle) throws IOException {
		return new TreeSet<>(load(bundle).stringPropertyNames());
	}

	static Properties load(String bundle) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = MessagesAndTemplatesTest.class.getResourceAsStream("/" + bundle)) {
			assertThat(in).as(bundle).isNotNull();
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

}
