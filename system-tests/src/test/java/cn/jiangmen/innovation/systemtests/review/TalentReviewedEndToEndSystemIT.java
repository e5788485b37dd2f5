package cn.jiangmen.innovation.systemtests.review;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
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
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole talent review, six processes and Keycloak, as people do it: an applicant submits in the
 * portal; the manager passes the formal check in the portal, which hands the application to
 * review-service over gRPC (talent's outbox); the manager opens a round over it in the portal's
 * form with automatic assignment; five experts each declare no conflict and score in the portal (the
 * first in a real headless Chromium, its draft autosaved through htmx, then opens the application's
 * documents); the rapporteur writes the consensus report; the manager confirms the ranking; the outcome comes back to
 * talent-service over gRPC (review's outbox) and shows in its ranking.
 */
class TalentReviewedEndToEndSystemIT {

	static final List<String> EXPERTS = List.of("expert1", "expert2", "expert3", "expert4", "expert5");

	static final Pattern ASSIGNMENT_LINK = Pattern.compile("href=\"/review/assignments/([0-9a-f-]{36})\"");

	static final Pattern CONSENSUS_LINK = Pattern.compile("href=\"/review/consensus/([0-9a-f-]{36})/([0-9a-f-]{36})\"");

	static final Pattern DOCUMENT_LINK = Pattern
		.compile("href=\"/talent/applications/[0-9a-f-]{36}/attachments/[0-9a-f-]{36}(?=\")");

	static final Pattern VERSION = Pattern.compile("name=\"version\" value=\"(\\d+)\"");

	static RunningSuite suite;

	static HttpProbe api;

	@BeforeAll
	static void start() {
		suite = RunningSuite.get();
		api = new HttpProbe(suite.gatewayUrl());
	}

	@Test
	void submittedApplicationIsReviewedByFiveExpertsAndItsRankingComesBackToTalent() throws Exception {
		// the five experts keep their profiles (fields of expertise, organisations) in review-service
		for (String expert : EXPERTS) {
			HttpProbe.Response saved = api.putJson("/api/review/experts/me", token(expert), """
					{"displayName":"%s","email":"%s@demo.jiangmen.local","fieldCodes":["visible-light-communication"],
					 "affiliations":[{"organisationId":"7d1c2a8e-0000-4000-8000-0000000000a1",
					                  "organisationName":"广东工业大学","fromYear":2010}]}""".formatted(expert, expert));
			assertThat(saved.status()).as(saved.body()).isEqualTo(200);
		}

		// an applicant submits in the portal
		UUID call = TalentCalls.openCall(suite);
		BrowserlessUser applicant = BrowserlessUser.signedIn(suite.gatewayUrl(), "applicant1");
		String application = Applicant.readyApplication(applicant, call);
		assertThat(applicant.postForm("/talent/applications/" + application + "/submit", Map.of()).statusCode())
			.isEqualTo(302);

		// the manager passes the formal check in the portal: the application goes to review-service
		BrowserlessUser manager = BrowserlessUser.signedIn(suite.gatewayUrl(), "manager");
		HttpResponse<String> passed = manager.postForm(
				"/talent/manage/calls/" + call + "/formal-check/" + application, Map.of("decision", "PASS"));
		assertThat(passed.statusCode()).as(passed.body()).isEqualTo(302);
		JsonNode item = eventually("the review item of " + application, () -> reviewItemOf(application));
		assertThat(item.get("state").asString()).isEqualTo("AWAITING_ROUND");
		assertThat(item.get("title").asString()).isEqualTo("可见光通信创新团队");

		// the manager opens a round over it in the portal, with automatic assignment of five experts
		HttpResponse<String> openPage = manager.get("/review/rounds/new?context=TALENT");
		assertThat(openPage.statusCode()).isEqualTo(200);
		assertThat(openPage.body()).contains(item.get("id").asString()).contains("可见光通信创新团队");
		Map<String, String> roundForm = new LinkedHashMap<>();
		roundForm.put("name", "系统测试评审 " + call.toString().substring(0, 8));
		roundForm.put("owning_context", "TALENT");
		roundForm.put("item", item.get("id").asString());
		roundForm.put("criteria[0].code", "innovation");
		roundForm.put("criteria[0].name", "创新性");
		roundForm.put("criteria[0].weight", "60");
		roundForm.put("criteria[0].threshold", "3");
		roundForm.put("criteria[1].code", "team");
		roundForm.put("criteria[1].name", "团队");
		roundForm.put("criteria[1].weight", "40");
		roundForm.put("criteria[1].threshold", "0");
		roundForm.put("scale_min", "1");
		roundForm.put("scale_max", "5");
		roundForm.put("overall_threshold", "60");
		roundForm.put("blind", "on");
		roundForm.put("deadline", LocalDateTime.now(ZoneId.of("Asia/Shanghai")).plusDays(7)
			.format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm")));
		roundForm.put("reviewers_per_item", "5");
		roundForm.put("max_items_per_expert", "3");
		roundForm.put("disagreement_limit", "20");
		roundForm.put("auto_assign", "on");
		HttpResponse<String> opened = manager.postForm("/review/rounds/new", roundForm);
		assertThat(opened.statusCode()).as(opened.body()).isEqualTo(302);
		String roundPage = opened.headers().firstValue("Location").orElseThrow();
		assertThat(roundPage).contains("conflicts=0").contains("notice=opened-assigned&added=5&missing=0");
		Matcher roundId = Pattern.compile("/review/rounds/([0-9a-f-]{36})").matcher(roundPage);
		assertThat(roundId.find()).isTrue();
		String round = roundId.group(1);

		// each expert declares no conflict and scores in the portal
		int[][] scores = { { 5, 4 }, { 4, 4 }, { 5, 5 }, { 4, 3 }, { 5, 4 } };
		String rapporteur = null;
		for (int e = 0; e < EXPERTS.size(); e++) {
			BrowserlessUser expert = BrowserlessUser.signedIn(suite.gatewayUrl(), EXPERTS.get(e));
			HttpResponse<String> mine = expert.get("/review/assignments");
			assertThat(mine.statusCode()).isEqualTo(200);
			String assignment = single(ASSIGNMENT_LINK, mine.body(), 1);
			if (e == 0) {
				// the first expert works in a real browser: declaration, autosaved draft, submission
				scoreInChromium(EXPERTS.get(e), scores[e]);
				documentsOfTheApplication(expert, expert.get("/review/assignments/" + assignment).body());
				if (CONSENSUS_LINK.matcher(expert.get("/review/assignments").body()).find()) {
					rapporteur = EXPERTS.get(e);
				}
				continue;
			}
			HttpResponse<String> declared = expert.postForm("/review/assignments/" + assignment + "/declaration",
					Map.of("conflict", "false", "note", ""));
			assertThat(declared.statusCode()).as(declared.body()).isEqualTo(302);
			HttpResponse<String> sheet = expert.get("/review/assignments/" + assignment);
			assertThat(sheet.body()).contains("可见光通信创新团队").contains("创新性");
			Map<String, String> form = new LinkedHashMap<>();
			form.put("version", single(VERSION, sheet.body(), 1));
			form.put("score.innovation", String.valueOf(scores[e][0]));
			form.put("comment.innovation", "思路新颖");
			form.put("score.team", String.valueOf(scores[e][1]));
			form.put("overall_comment", "建议支持");
			form.put("action", "submit");
			HttpResponse<String> submitted = expert.postForm("/review/assignments/" + assignment + "/sheet", form);
			assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(302);
			assertThat(expert.get("/review/assignments/" + assignment + "?notice=submitted").body())
				.contains("评审意见已提交");
			if (CONSENSUS_LINK.matcher(expert.get("/review/assignments").body()).find()) {
				rapporteur = EXPERTS.get(e);
			}
		}
		assertThat(rapporteur).as("one of the five is the item's rapporteur").isNotNull();

		// the rapporteur writes the consensus report in the portal
		BrowserlessUser writer = BrowserlessUser.signedIn(suite.gatewayUrl(), rapporteur);
		Matcher link = CONSENSUS_LINK.matcher(writer.get("/review/assignments").body());
		assertThat(link.find()).isTrue();
		String consensusPath = "/review/consensus/" + link.group(1) + "/" + link.group(2);
		HttpResponse<String> consensusPage = writer.get(consensusPath);
		assertThat(consensusPage.statusCode()).isEqualTo(200);
		HttpResponse<String> wrote = writer.postForm(consensusPath, Map.of("version",
				single(VERSION, consensusPage.body(), 1), "score.innovation", "5", "score.team", "4", "report",
				"专家组一致认为该团队创新性突出，建议推荐。"));
		assertThat(wrote.statusCode()).as(wrote.body()).isEqualTo(302);
		assertThat(writer.get(consensusPath + "?notice=consensus").body()).contains("专家组意见已保存");

		// the manager confirms; the ranking goes back to talent-service
		HttpResponse<String> confirmed = manager.postForm("/review/rounds/" + round + "/confirm", Map.of());
		assertThat(confirmed.headers().firstValue("Location").orElseThrow()).endsWith("notice=confirmed");
		JsonNode results = api.get("/api/review/rounds/" + round + "/results", token("manager")).json();
		JsonNode result = results.get("items").get(0);
		assertThat(result.get("finalRank").asInt()).isEqualTo(1);
		assertThat(result.get("reviews").asInt()).isEqualTo(5);
		int finalScore = (int) Math.round(result.get("consensus").get("finalScore").asDouble() * 100);
		assertThat(finalScore).isPositive();

		JsonNode ranked = eventually("talent's ranking of " + application, () -> {
			JsonNode a = api.get("/api/talent/applications/" + application, token("manager")).json().get("application");
			return "RANKED".equals(a.get("status").asString()) ? a : null;
		});
		assertThat(ranked.get("rank").asInt()).isEqualTo(1);
		assertThat(ranked.get("scoreHundredths").asInt()).isEqualTo(finalScore);
		assertThat(ranked.get("passedThresholds").asBoolean()).isTrue();
		assertThat(manager.get("/talent/manage/calls/" + call + "/ranking").body()).contains("可见光通信创新团队");
		screenshotsForPeople(round, call);
	}

	/** Signs in, declares no conflict, scores (htmx autosaves the draft) and submits, as a person would. */
	private static void scoreInChromium(String username, int[] scores) {
		WebDriver browser = Chromium.start();
		try {
			WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
			Chromium.signIn(browser, suite.gatewayUrl(), username);
			browser.get(suite.gatewayUrl() + "/review/assignments");
			wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("a[href^='/review/assignments/']"))).click();
			WebElement noConflict = wait.until(ExpectedConditions.elementToBeClickable(
					By.cssSelector("#declaration button[name=conflict][value=false]")));
			assertThat(browser.findElement(By.id("declaration")).getText())
				.as("the parties are named before the declaration")
				.contains("江门市光电科技有限公司");
			noConflict.click();
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sheet")));
			assertThat(browser.findElement(By.tagName("main")).getText()).contains("可见光通信创新团队");
			new Select(browser.findElement(By.id("score-innovation"))).selectByValue(String.valueOf(scores[0]));
			browser.findElement(By.id("comment-innovation")).sendKeys("思路新颖");
			browser.findElement(By.id("overall_comment")).sendKeys("建议支持");
			// autosave: a second after the last change htmx posts the sheet and swaps in its status
			browser.findElement(By.id("score-innovation")).click();
			wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("sheet-status"), "草稿已保存"));
			// "check and submit" with a criterion unscored: the summary names it in words and has the focus
			browser.findElement(By.cssSelector("#sheet button[name=action][value=check]")).click();
			wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("sheet-status"), "团队：请先评分再提交。"));
			assertThat(browser.switchTo().activeElement().getText()).contains("团队：请先评分再提交。");
			assertThat(browser.getPageSource()).doesNotContain("scores.team");
			bothWidths(browser, "review-sheet-errors");
			new Select(browser.findElement(By.id("score-team"))).selectByValue(String.valueOf(scores[1]));
			// the total is previewed by the page's script as the expert scores, before any save
			String total = String.format(java.util.Locale.ROOT, "%.2f",
					60.0 * (scores[0] - 1) / 4 + 40.0 * (scores[1] - 1) / 4);
			wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("sheet-total"), total));
			// the criterion's own error goes once it is scored, instead of contradicting the new score
			wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("error-score-team")));
			browser.findElement(By.id("comment-team")).click();
			wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("sheet-status"), "草稿已保存"));
			bothWidths(browser, "review-sheet-autosaved");
			browser.findElement(By.cssSelector("#sheet button[name=action][value=check]")).click();
			// the confirmation: the scores as they will be submitted, and that it cannot be undone
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("confirm")));
			assertThat(browser.findElement(By.id("confirm")).getText()).contains("一经提交即不能撤回或修改").contains(total);
			bothWidths(browser, "review-sheet-confirm");
			browser.findElement(By.cssSelector("#confirm button[name=action][value=submit]")).click();
			wait.until(ExpectedConditions.urlContains("notice=submitted"));
			assertThat(browser.findElement(By.tagName("main")).getText()).contains("评审意见已提交")
				.contains("提交时间")
				.contains("思路新颖")
				.contains(total);
			assertThat(browser.findElements(By.cssSelector("main select, main textarea"))).isEmpty();
			bothWidths(browser, "review-sheet-submitted");
		}
		finally {
			browser.quit();
		}
	}

	/**
	 * Screenshots at a desktop's 1280 px and a phone's 390 px, asserting the phone does not scroll
	 * sideways (the sheet's table becomes cards).
	 */
	private static void bothWidths(WebDriver browser, String name) {
		// the sheet (or its confirmation) in view, not the page's top, which every step shares
		String show = "var e = document.activeElement !== document.body ? document.activeElement"
				+ " : document.querySelector('#confirm, section#sheet, #sheet-status'); if (e) e.scrollIntoView();";
		((org.openqa.selenium.JavascriptExecutor) browser).executeScript(show);
		Chromium.screenshot(browser, name + "-1280");
		Accessibility.assertAccessible(browser, name + "-1280");
		browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
		((org.openqa.selenium.JavascriptExecutor) browser).executeScript(show);
		Object overflow = ((org.openqa.selenium.JavascriptExecutor) browser)
			.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
		Chromium.screenshot(browser, name + "-390");
		Accessibility.assertAccessible(browser, name + "-390");
		browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
		assertThat(((Number) overflow).intValue()).as(name + " scrolls sideways at 390 px").isLessThanOrEqualTo(0);
	}

	/** The manager's results (with the chart of score spread) and ranking, saved for a person to look at. */
	private static void screenshotsForPeople(String round, UUID call) {
		WebDriver browser = Chromium.start();
		try {
			Chromium.signIn(browser, suite.gatewayUrl(), "manager");
			browser.get(suite.gatewayUrl() + "/review/rounds/" + round + "/results");
			new WebDriverWait(browser, Duration.ofSeconds(30))
				.until(ExpectedConditions.presenceOfElementLocated(By.tagName("svg")));
			Chromium.screenshot(browser, "review-round-results");
			Accessibility.assertAccessible(browser, "review-round-results");
			browser.get(suite.gatewayUrl() + "/talent/manage/calls/" + call + "/ranking");
			Chromium.screenshot(browser, "talent-ranking");
			Accessibility.assertAccessible(browser, "talent-ranking");
		}
		finally {
			browser.quit();
		}
	}

	/** The application's documents, served by talent-service once review-service confirms the assignment. */
	private static void documentsOfTheApplication(BrowserlessUser expert, String sheet) {
		Matcher documents = DOCUMENT_LINK.matcher(sheet);
		assertThat(documents.results().count()).as("proposal, CV and contract").isEqualTo(3);
		assertThat(documents.reset().find()).isTrue();
		String document = documents.group().substring("href=\"".length());
		assertThat(sheet).contains("申报书.pdf").contains("简历.pdf").contains("合同.pdf");
		HttpResponse<String> pdf = expert.get(document);
		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(pdf.body()).startsWith("%PDF");
		assertThat(BrowserlessUser.signedIn(suite.gatewayUrl(), "applicant2").get(document).statusCode()).isEqualTo(404);
	}

	private static JsonNode reviewItemOf(String application) {
		HttpProbe.Response items = api.get("/api/review/items?pageSize=100", token("manager"));
		assertThat(items.status()).as(items.body()).isEqualTo(200);
		for (JsonNode candidate : items.json().get("items")) {
			if (application.equals(candidate.get("itemId").asString())) {
				return candidate;
			}
		}
		return null;
	}

	private static <T> T eventually(String what, Supplier<T> probe) throws InterruptedException {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
		while (Instant.now().isBefore(deadline)) {
			T found = probe.get();
			if (found != null) {
				return found;
			}
			Thread.sleep(250);
		}
		throw new AssertionError("Not within 30 s: " + what);
	}

	private static String single(Pattern pattern, String html, int group) {
		Matcher m = pattern.matcher(html);
		List<String> found = new ArrayList<>();
		while (m.find()) {
			found.add(m.group(group));
		}
		assertThat(found).as("%s in the page", pattern).hasSize(1);
		return found.get(0);
	}

	private static String token(String user) {
		return suite.infra().tokens().accessToken(user);
	}

}
