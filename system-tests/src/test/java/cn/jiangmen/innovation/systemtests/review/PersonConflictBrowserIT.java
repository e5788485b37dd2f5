package cn.jiangmen.innovation.systemtests.review;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.jiangmen.innovation.systemtests.Accessibility;
import cn.jiangmen.innovation.systemtests.BrowserlessUser;
import cn.jiangmen.innovation.systemtests.Chromium;
import cn.jiangmen.innovation.systemtests.RunningSuite;
import cn.jiangmen.innovation.systemtests.talent.Applicant;
import cn.jiangmen.innovation.systemtests.talent.TalentCalls;
import cn.jiangmen.innovation.testsupport.client.HttpProbe;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A relationship given as a person knows it, end to end: an expert, in a real headless Chromium,
 * names a relative by name and chooses the relative's organisation by name from the directory (a
 * refused save comes back after a redirect with the message next to the field); talent-service hands
 * an application whose team has that person to review-service as keys only; the round detects the
 * conflict, and the manager reads it on the round page in Chinese and in English, in the list and in
 * the matrix.
 */
class PersonConflictBrowserIT {

	static final String EXPERT = "expert4";

	static RunningSuite suite;

	static HttpProbe api;

	@BeforeAll
	static void start() {
		suite = RunningSuite.get();
		api = new HttpProbe(suite.gatewayUrl());
	}

	@Test
	void aRelativeNamedByNameAndOrganisationIsAConflictTheManagerReadsInTheirLanguage() throws Exception {
		try {
			// an application of 江门市光电科技有限公司 with team member 张华, passed to review
			UUID call = TalentCalls.openCall(suite);
			BrowserlessUser applicant = BrowserlessUser.signedIn(suite.gatewayUrl(), "applicant1");
			String application = Applicant.readyApplication(applicant, call);
			assertThat(applicant.postForm("/talent/applications/" + application + "/submit", Map.of()).statusCode())
				.isEqualTo(302);
			BrowserlessUser manager = BrowserlessUser.signedIn(suite.gatewayUrl(), "manager");
			assertThat(manager.postForm("/talent/manage/calls/" + call + "/formal-check/" + application,
					Map.of("decision", "PASS")).statusCode()).isEqualTo(302);
			String item = eventually(() -> reviewItemOf(application));

			fillTheProfileInChromium();

			String round = openRound(manager, item);
			WebDriver browser = Chromium.start();
			try {
				WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
				Chromium.signIn(browser, suite.gatewayUrl(), "manager");
				browser.get(suite.gatewayUrl() + "/review/rounds/" + round);
				wait.until(ExpectedConditions.presenceOfElementLocated(By.id("conflicts")));
				String zh = browser.findElement(By.tagName("main")).getText();
				assertThat(zh).contains("已申报与江门市光电科技有限公司的张华存在关联关系：表弟")
					.contains("回避：已申报与江门市光电科技有限公司的张华存在关联关系：表弟")
					.doesNotContain("declared relationship");
				bothWidths(browser, "review-round-person-conflict", "conflicts");
				browser.get(suite.gatewayUrl() + "/review/rounds/" + round + "?lang=en");
				wait.until(ExpectedConditions.presenceOfElementLocated(By.id("conflicts")));
				assertThat(browser.findElement(By.tagName("main")).getText())
					.contains("Declared relationship with 张华 (江门市光电科技有限公司): 表弟")
					.contains("Conflict: Declared relationship with 张华");
				Chromium.screenshot(browser, "review-round-person-conflict-en-1280");
				Accessibility.assertAccessible(browser, "review-round-person-conflict-en-1280");
				browser.get(suite.gatewayUrl() + "/review/rounds/" + round + "?lang=zh-CN");
			}
			finally {
				browser.quit();
			}
		}
		finally {
			// the pool is shared with the other system tests: the expert's profile as they expect it
			HttpProbe.Response restored = api.putJson("/api/review/experts/me", token(EXPERT), """
					{"displayName":"%s","email":"%s@demo.jiangmen.local","fieldCodes":["visible-light-communication"],
					 "affiliations":[{"organisationId":"7d1c2a8e-0000-4000-8000-0000000000a1",
					                  "organisationName":"广东工业大学","fromYear":2010}]}""".formatted(EXPERT, EXPERT));
			assertThat(restored.status()).as(restored.body()).isEqualTo(200);
		}
	}

	/**
	 * The expert's profile as a person fills it: their organisation and a relative by name and
	 * organisation, both chosen by name; first without the relative's organisation (refused, the
	 * message next to it after the redirect), then complete.
	 */
	private static void fillTheProfileInChromium() {
		WebDriver browser = Chromium.start();
		try {
			WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
			Chromium.signIn(browser, suite.gatewayUrl(), EXPERT);
			browser.get(suite.gatewayUrl() + "/review/profile");
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("profile")));
			replace(browser.findElement(By.id("display_name")), "吴敏");
			WebElement field = browser.findElement(By.cssSelector("input[name=field][value=visible-light-communication]"));
			if (!field.isSelected()) {
				field.click();
			}
			replace(browser.findElement(By.name("current[0].name")), "江门职业技术学院");
			replace(browser.findElement(By.name("current[0].from")), "2015");
			replace(browser.findElement(By.name("relation[0].person")), "张华");
			replace(browser.findElement(By.name("relation[0].note")), "表弟");
			browser.findElement(By.cssSelector("#profile .actions button[type=submit]")).click();

			// POST-redirect-GET: the page after the redirect names the missing organisation next to it
			WebElement message = wait.until(
					ExpectedConditions.visibilityOfElementLocated(By.id("error-relation-0--organisation_name")));
			assertThat(message.getText()).contains("请按名称从单位目录中选择该人员所在单位。");
			assertThat(browser.getCurrentUrl()).endsWith("/review/profile");
			WebElement organisation = browser.findElement(By.name("relation[0].organisation"));
			assertThat(organisation.getAttribute("aria-invalid")).isEqualTo("true");
			assertThat(browser.findElement(By.name("relation[0].person")).getAttribute("value")).isEqualTo("张华");
			bothWidths(browser, "review-profile-person-refused", "error-summary");

			replace(organisation, "江门市光电科技有限公司");
			browser.findElement(By.cssSelector("#profile .actions button[type=submit]")).click();
			wait.until(ExpectedConditions.urlContains("notice=saved"));
			assertThat(browser.findElement(By.tagName("main")).getText()).contains("您的专家档案已保存。");
			assertThat(browser.findElement(By.name("relation[0].person")).getAttribute("value")).isEqualTo("张华");
			assertThat(browser.findElement(By.name("relation[0].organisation")).getAttribute("value"))
				.isEqualTo("江门市光电科技有限公司");
			assertThat(browser.getPageSource()).as("no key is shown").doesNotContainPattern("name:[0-9a-f]{64}");
			bothWidths(browser, "review-profile-person-saved", "page-title");
		}
		finally {
			browser.quit();
		}
	}

	private static String openRound(BrowserlessUser manager, String item) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("name", "按人名回避 " + item.substring(0, 8));
		form.put("owning_context", "TALENT");
		form.put("item", item);
		form.put("criteria[0].code", "innovation");
		form.put("criteria[0].name", "创新性");
		form.put("criteria[0].weight", "100");
		form.put("criteria[0].threshold", "0");
		form.put("scale_min", "1");
		form.put("scale_max", "5");
		form.put("overall_threshold", "0");
		form.put("blind", "on");
		form.put("deadline", LocalDateTime.now(ZoneId.of("Asia/Shanghai")).plusDays(7)
			.format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm")));
		form.put("reviewers_per_item", "1");
		form.put("max_items_per_expert", "3");
		form.put("disagreement_limit", "20");
		HttpResponse<String> opened = manager.postForm("/review/rounds/new", form);
		assertThat(opened.statusCode()).as(opened.body()).isEqualTo(302);
		String location = opened.headers().firstValue("Location").orElseThrow();
		assertThat(location).doesNotContain("conflicts=0");
		Matcher round = Pattern.compile("/review/rounds/([0-9a-f-]{36})").matcher(location);
		assertThat(round.find()).isTrue();
		return round.group(1);
	}

	private static void replace(WebElement input, String text) {
		input.clear();
		input.sendKeys(text);
	}

	/** Screenshots at 1280 and 390 px with {@code id} in view; the phone must not scroll sideways. */
	private static void bothWidths(WebDriver browser, String name, String id) {
		JavascriptExecutor js = (JavascriptExecutor) browser;
		String show = "var e = document.getElementById('" + id + "'); if (e) e.scrollIntoView();";
		js.executeScript(show);
		Chromium.screenshot(browser, name + "-1280");
		Accessibility.assertAccessible(browser, name + "-1280");
		browser.manage().window().setSize(new Dimension(390, 844));
		js.executeScript(show);
		Object overflow = js.executeScript(
				"return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
		Chromium.screenshot(browser, name + "-390");
		Accessibility.assertAccessible(browser, name + "-390");
		browser.manage().window().setSize(new Dimension(1280, 900));
		assertThat(((Number) overflow).intValue()).as(name + " scrolls sideways at 390 px").isLessThanOrEqualTo(0);
	}

	private static String reviewItemOf(String application) {
		HttpProbe.Response items = api.get("/api/review/items?pageSize=100", token("manager"));
		assertThat(items.status()).as(items.body()).isEqualTo(200);
		for (JsonNode candidate : items.json().get("items")) {
			if (application.equals(candidate.get("itemId").asString())) {
				return candidate.get("id").asString();
			}
		}
		return null;
	}

	private static String eventually(java.util.function.Supplier<String> probe) throws InterruptedException {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
		while (Instant.now().isBefore(deadline)) {
			String found = probe.get();
			if (found != null) {
				return found;
			}
			Thread.sleep(250);
		}
		throw new AssertionError("Not within 30 s");
	}

	private static String token(String user) {
		return suite.infra().tokens().accessToken(user);
	}

}
