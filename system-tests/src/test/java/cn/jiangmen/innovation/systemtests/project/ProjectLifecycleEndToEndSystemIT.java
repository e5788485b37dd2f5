package cn.jiangmen.innovation.systemtests.project;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
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
 * A major project from call to accepted milestone, every process and Keycloak running, through the
 * gateway: the manager drafts and publishes a call in the portal; applicant1's enterprise proposes
 * with applicant2's university as partner (REST, the applicant's pages being another branch's), the
 * partner confirms and the lead submits; the manager passes the formal check in the portal, which
 * hands the proposal to review-service (outbox); five experts review it through review-service's
 * API and the manager confirms, which sends the outcome back (outbox); the manager approves (立项)
 * in the portal; the task book is issued, accepted by the lead and countersigned in the portal; the
 * lead reports the first milestone and the manager accepts it in the portal. The manager's
 * portfolio is then looked at in headless Chromium at 1280 and 390 px.
 */
class ProjectLifecycleEndToEndSystemIT {

	static final List<String> EXPERTS = List.of("expert1", "expert2", "expert3", "expert4", "expert5");

	static final String WUYI = "7d1c2a8e-0000-4000-8000-000000000002";

	static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

	static final Pattern VERSION = Pattern.compile("name=\"version\" value=\"(\\d+)\"");

	static final Pattern PROJECT = Pattern.compile("/project/manage/projects/([0-9a-f-]{36})\\?notice=approved");

	static RunningSuite suite;

	static HttpProbe api;

	@BeforeAll
	static void start() {
		suite = RunningSuite.get();
		api = new HttpProbe(suite.gatewayUrl());
	}

	@Test
	void aCallBecomesAProjectWhoseFirstMilestoneIsAcceptedAndTheManagerSeesItInThePortfolio() throws Exception {
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		String callTitle = "系统测试半导体照明专项 " + suffix;
		String projectTitle = "LED 背光模组产业化 " + suffix;

		// the manager drafts the call in the portal and publishes it on its confirmation page
		BrowserlessUser manager = BrowserlessUser.signedIn(suite.gatewayUrl(), "manager");
		// a freshly started project-service may miss the portal's first deadlines on a busy machine
		eventually("the portal reaching project-service",
				() -> manager.get("/project/manage/calls").statusCode() == 200 ? Boolean.TRUE : null);
		DateTimeFormatter minute = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
		LocalDateTime now = LocalDateTime.now(BEIJING);
		Map<String, String> callForm = new LinkedHashMap<>();
		callForm.put("fieldCode", "semiconductor-lighting");
		callForm.put("year", String.valueOf(now.getYear()));
		callForm.put("title", callTitle);
		callForm.put("topicCodes", "T1");
		callForm.put("topicTitles", "LED 背光模组");
		callForm.put("topicResearch", "0");
		callForm.put("ceiling", "5000000.00");
		callForm.put("maxFiscalShare", "30");
		callForm.put("documents", "营业执照");
		callForm.put("guideline", "支持 LED 背光模组关键技术攻关与产业化。");
		callForm.put("opensAt", now.minusMinutes(5).format(minute));
		callForm.put("closesAt", now.plusDays(2).format(minute));
		HttpResponse<String> drafted = manager.postForm("/project/manage/calls/new", callForm);
		assertThat(drafted.statusCode()).as(drafted.body()).isEqualTo(302);
		String call = callId(callTitle);
		HttpResponse<String> confirmPublish = manager.get("/project/manage/calls/" + call + "/publish");
		assertThat(confirmPublish.body()).contains("发布后所有申报单位均可看到该指南");
		HttpResponse<String> published = manager.postForm("/project/manage/calls/" + call + "/publish",
				Map.of("version", single(VERSION, confirmPublish.body())));
		assertThat(published.statusCode()).as(published.body()).isEqualTo(302);

		// the lead proposes with the university as partner; the partner confirms; the lead submits
		HttpProbe.Response created = api.postJson("/api/projects/proposals", token("applicant1"),
				"{\"callId\":\"" + call + "\",\"content\":" + proposal(projectTitle) + "}");
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(created.json().get("findings").size()).as(created.body()).isZero();
		String proposal = created.json().get("id").asString();
		assertThat(api.postJson("/api/projects/proposals/" + proposal + "/confirmation", token("applicant2"), "{}")
			.status()).isEqualTo(200);
		// submission requires the call's documents: the business licence (营业执照) the call names
		HttpResponse<String> licence = uploadPdf("/api/projects/proposals/" + proposal + "/documents",
				token("applicant1"), "营业执照", "营业执照.pdf");
		assertThat(licence.statusCode()).as(licence.body()).isEqualTo(201);
		HttpProbe.Response submitted = api.postJson("/api/projects/proposals/" + proposal + "/submission",
				token("applicant1"), "{}");
		assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);

		// the manager passes the formal check in the portal: confirmation page, then the decision
		assertThat(manager.get("/project/manage/calls/" + call).body()).contains(projectTitle);
		HttpResponse<String> check = manager.postForm("/project/manage/proposals/" + proposal + "/formal-check",
				Map.of("decision", "pass", "reasons", "", "correctionDue", ""));
		assertThat(check.body()).contains("确认形式审查通过？");
		HttpResponse<String> passed = manager.postForm("/project/manage/proposals/" + proposal + "/formal-check/confirm",
				Map.of("decision", "pass", "reasons", "", "correctionDue", ""));
		assertThat(passed.statusCode()).as(passed.body()).isEqualTo(302);

		// review-service receives it (project's outbox); five experts review it through its API
		JsonNode item = eventually("the review item of " + proposal, () -> reviewItemOf(proposal));
		Map<String, String> subjects = new HashMap<>();
		for (String expert : EXPERTS) {
			HttpProbe.Response saved = api.putJson("/api/review/experts/me", token(expert), """
					{"displayName":"%s","email":"%s@demo.jiangmen.local","fieldCodes":["semiconductor-lighting"],
					 "affiliations":[{"organisationId":"7d1c2a8e-0000-4000-8000-0000000000a1",
					                  "organisationName":"广东工业大学","fromYear":2010}]}""".formatted(expert, expert));
			assertThat(saved.status()).as(saved.body()).isEqualTo(200);
			subjects.put(saved.json().get("subject").asString(), expert);
		}
		HttpProbe.Response opened = api.postJson("/api/review/rounds", token("manager"), """
				{"name":"系统测试重大专项评审 %s","owningContext":"PROJECT","reviewItemIds":["%s"],
				 "rubric":{"criteria":[{"code":"innovation","name":"创新性","weightPercent":60,"threshold":3},
				                       {"code":"feasibility","name":"可行性","weightPercent":40,"threshold":0}],
				           "scaleMin":1,"scaleMax":5,"overallThresholdHundredths":6000},
				 "blind":true,"deadline":"%s","reviewersPerItem":5,"maxItemsPerExpert":3,
				 "disagreementLimitHundredths":2000}""".formatted(suffix, item.get("id").asString(),
				Instant.now().plus(7, ChronoUnit.DAYS)));
		assertThat(opened.status()).as(opened.body()).isEqualTo(201);
		String round = opened.json().get("round").get("id").asString();
		HttpProbe.Response auto = api.postJson("/api/review/rounds/" + round + "/assignments/auto", token("manager"), "{}");
		assertThat(auto.status()).as(auto.body()).isEqualTo(200);
		assertThat(auto.json().get("added").size()).as(auto.body()).isEqualTo(5);
		for (JsonNode assignment : auto.json().get("added")) {
			String expert = subjects.get(assignment.get("expert").asString());
			String id = assignment.get("id").asString();
			assertThat(api.postJson("/api/review/assignments/" + id + "/declaration", token(expert),
					"{\"conflict\":false,\"note\":\"\"}").status()).isEqualTo(200);
			HttpProbe.Response sheet = api.postJson("/api/review/assignments/" + id + "/sheet/submit", token(expert),
					"{\"version\":1,\"scores\":{\"innovation\":5,\"feasibility\":4},\"overallComment\":\"建议立项\"}");
			assertThat(sheet.status()).as(sheet.body()).isEqualTo(200);
		}
		JsonNode matrix = api.get("/api/review/rounds/" + round + "/matrix", token("manager")).json();
		String rapporteur = subjects.get(matrix.get("rapporteurs").get(item.get("id").asString()).asString());
		HttpProbe.Response consensus = api.putJson("/api/review/rounds/" + round + "/items/" + item.get("id").asString()
				+ "/consensus", token(rapporteur),
				"{\"version\":0,\"finalScores\":{\"innovation\":5,\"feasibility\":4},\"report\":\"专家组一致建议立项。\"}");
		assertThat(consensus.status()).as(consensus.body()).isEqualTo(200);
		HttpProbe.Response confirmed = api.postJson("/api/review/rounds/" + round + "/confirm", token("manager"), "{}");
		assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);

		// the outcome comes back to project-service (review's outbox): the proposal is reviewed
		eventually("the proposal reviewed", () -> {
			JsonNode p = api.get("/api/projects/proposals/" + proposal, token("manager")).json();
			return "REVIEWED".equals(p.get("status").asString()) ? p : null;
		});
		assertThat(manager.get("/project/manage/proposals/" + proposal).body()).contains("排名 1").contains("达到评审门槛");

		// the manager approves (立项) in the portal, after its confirmation page
		Map<String, String> approval = Map.of("approved", "3000000.00", "tranche-0", "1200000.00", "tranche-1",
				"1800000.00", "note", "同意立项。");
		assertThat(manager.postForm("/project/manage/proposals/" + proposal + "/approval", approval).body())
			.contains("确认立项？");
		HttpResponse<String> approved = manager.postForm("/project/manage/proposals/" + proposal + "/approval/confirm",
				approval);
		assertThat(approved.statusCode()).as(approved.body()).isEqualTo(302);
		Matcher projectLink = PROJECT.matcher(approved.headers().firstValue("Location").orElseThrow());
		assertThat(projectLink.find()).isTrue();
		String project = projectLink.group(1);

		// the task book: issued in the portal after its confirmation page, accepted by the lead (REST),
		// countersigned in the portal
		JsonNode milestones = api.get("/api/projects/projects/" + project + "/milestones", token("manager")).json()
			.get("milestones");
		String first = milestones.get(0).get("id").asString();
		Map<String, String> targets = Map.of("kpi-0-0-name", "发明专利申请", "kpi-0-0-unit", "件", "kpi-0-0-target", "3");
		assertThat(manager.get("/project/manage/projects/" + project + "/task-book/issue").body()).contains("下达任务书");
		assertThat(manager.postForm("/project/manage/projects/" + project + "/task-book/issue/confirm", targets).body())
			.contains("确认下达此任务书？").contains("发明专利申请");
		HttpResponse<String> issued = manager.postForm("/project/manage/projects/" + project + "/task-book/issue", targets);
		assertThat(issued.statusCode()).as(issued.body()).isIn(302, 303);
		assertThat(issued.headers().firstValue("Location").orElseThrow()).contains("notice=task-book-issued");
		assertThat(api.postJson("/api/projects/projects/" + project + "/task-book/acceptance", token("applicant1"), "{}")
			.status()).isEqualTo(200);
		assertThat(manager.get("/project/manage/projects/" + project).body()).contains("牵头单位已确认，待会签");
		HttpResponse<String> countersigned = manager.postForm("/project/manage/projects/" + project + "/countersign",
				Map.of());
		assertThat(countersigned.statusCode()).as(countersigned.body()).isEqualTo(302);

		// the lead reports the first milestone; the manager accepts it in the portal
		String kpi = api.get("/api/projects/projects/" + project + "/task-book", token("applicant1")).json()
			.get("milestones").get(0).get("kpiTargets").get(0).get("id").asString();
		HttpProbe.Response reported = api.postJson("/api/projects/projects/" + project + "/milestones/" + first + "/reports",
				token("applicant1"), """
						{"summary":"两台样机已完成试制并通过检测。","kpiValues":[{"kpiTargetId":"%s","reached":"3"}],
						 "documents":[{"name":"检测报告.pdf","sha256":"%s"}]}""".formatted(kpi, "ab".repeat(32)));
		assertThat(reported.status()).as(reported.body()).isEqualTo(201);
		assertThat(manager.get("/project/manage/projects/" + project + "/milestones/" + first + "/accept").body())
			.contains("两台样机已完成试制并通过检测。");
		HttpResponse<String> accepted = manager.postForm("/project/manage/projects/" + project + "/milestones/" + first
				+ "/accept", Map.of());
		assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(302);
		assertThat(api.get("/api/projects/projects/" + project + "/milestones/" + first, token("manager")).json()
			.get("state").asString()).isEqualTo("ACCEPTED");

		portfolioInChromium(project, projectTitle);

		// the mid-term check (中期检查), opened in the portal after its confirmation page: the project goes to
		// review-service's expert panel and both the manager's and the lead's pages say so
		assertThat(manager.get("/project/manage/projects/" + project + "/check-rounds/new?kind=MID_TERM").body())
			.contains("确认发起检查？");
		HttpResponse<String> midTerm = manager.postForm("/project/manage/projects/" + project + "/check-rounds",
				Map.of("kind", "MID_TERM"));
		assertThat(midTerm.statusCode()).as(midTerm.body()).isIn(302, 303);
		assertThat(manager.get("/project/manage/projects/" + project).body()).contains("评审中");
		assertThat(api.get("/api/projects/projects/" + project + "/summary", token("applicant1")).json().get("stage")
			.asString()).isEqualTo("MID_TERM");
	}

	/** The manager's portfolio and the project's page, in a real browser at a desktop's and a phone's width. */
	private static void portfolioInChromium(String project, String title) {
		WebDriver browser = Chromium.start();
		try {
			WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
			Chromium.signIn(browser, suite.gatewayUrl(), "manager");
			browser.get(suite.gatewayUrl() + "/project/manage/portfolio?field=semiconductor-lighting&stage=EXECUTION");
			wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#timeline svg")));
			String table = browser.findElement(By.id("portfolio-table")).getText();
			assertThat(table).contains(title).contains("执行中").contains("2 个中已验收 1 个").contains("3,000,000.00");
			assertThat(browser.findElement(By.cssSelector("#timeline")).getAttribute("aria-hidden")).isEqualTo("true");
			bothWidths(browser, "project-portfolio", "timeline-title");
			browser.get(suite.gatewayUrl() + "/project/manage/projects/" + project);
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("milestones-title")));
			assertThat(browser.findElement(By.tagName("main")).getText()).contains(title).contains("已验收")
				.contains("两台样机已完成试制并通过检测。");
			bothWidths(browser, "project-page", "milestones-title");
			callFormRefusedThenCorrected(browser, wait, title);
		}
		finally {
			browser.quit();
		}
	}

	/**
	 * The call form in the browser: a ceiling that is not an amount and no closing time come back
	 * after the redirect (POST-redirect-GET) with the summary and the messages, as typed; corrected,
	 * the draft is saved.
	 */
	private static void callFormRefusedThenCorrected(WebDriver browser, WebDriverWait wait, String title) {
		browser.get(suite.gatewayUrl() + "/project/manage/calls/new");
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("fieldCode")));
		JavascriptExecutor script = (JavascriptExecutor) browser;
		new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("fieldCode")))
			.selectByValue("semiconductor-lighting");
		browser.findElement(By.id("year")).sendKeys(String.valueOf(LocalDateTime.now(BEIJING).getYear() + 1));
		browser.findElement(By.id("title")).sendKeys("浏览器草稿 " + title);
		browser.findElement(By.id("topics-0-code")).sendKeys("T1");
		browser.findElement(By.id("topics-0-title")).sendKeys("驱动芯片");
		browser.findElement(By.id("ceiling")).sendKeys("五百万");
		browser.findElement(By.id("guideline")).sendKeys("支持驱动芯片攻关。");
		// datetime-local is typed in the browser's own format: set as the form posts it
		script.executeScript("document.getElementById('opensAt').value = arguments[0];",
				LocalDateTime.now(BEIJING).plusDays(1).truncatedTo(ChronoUnit.MINUTES).toString());
		browser.findElement(By.cssSelector("form[action$='/project/manage/calls/new'] button[type=submit]")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("error-summary")));
		assertThat(browser.getCurrentUrl()).endsWith("/project/manage/calls/new");
		assertThat(browser.findElement(By.id("error-summary")).getText()).contains("格式不正确").contains("请填写截止受理时间");
		assertThat(browser.findElement(By.id("error-ceiling")).getText()).contains("格式不正确");
		assertThat(browser.findElement(By.id("title")).getAttribute("value")).isEqualTo("浏览器草稿 " + title);
		assertThat(browser.findElement(By.id("ceiling")).getAttribute("aria-invalid")).isEqualTo("true");
		Chromium.screenshot(browser, "project-call-form-refused-1280");
		WebElement ceiling = browser.findElement(By.id("ceiling"));
		ceiling.clear();
		ceiling.sendKeys("5000000");
		script.executeScript("document.getElementById('closesAt').value = arguments[0];",
				LocalDateTime.now(BEIJING).plusDays(30).truncatedTo(ChronoUnit.MINUTES).toString());
		browser.findElement(By.cssSelector("form[action$='/project/manage/calls/new'] button[type=submit]")).click();
		wait.until(ExpectedConditions.urlContains("notice=created"));
		assertThat(browser.findElement(By.tagName("main")).getText()).contains("浏览器草稿 " + title);
		Chromium.screenshot(browser, "project-call-form-corrected-1280");
	}

	/** Screenshots with {@code show} scrolled into view at 1280 and 390 px; the phone must not scroll sideways. */
	private static void bothWidths(WebDriver browser, String name, String show) {
		String scroll = "document.getElementById('" + show + "').scrollIntoView();";
		((JavascriptExecutor) browser).executeScript(scroll);
		Chromium.screenshot(browser, name + "-1280");
		Accessibility.assertAccessible(browser, name + "-1280");
		browser.manage().window().setSize(new Dimension(390, 844));
		Object overflow = ((JavascriptExecutor) browser)
			.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
		((JavascriptExecutor) browser).executeScript(scroll);
		Chromium.screenshot(browser, name + "-390");
		Accessibility.assertAccessible(browser, name + "-390");
		browser.manage().window().setSize(new Dimension(1280, 900));
		assertThat(((Number) overflow).intValue()).as(name + " scrolls sideways at 390 px").isLessThanOrEqualTo(0);
	}

	private static String proposal(String title) {
		return """
				{"title":"%s","topicCode":"T1","objectives":"实现 LED 背光模组国产化并建成中试线","leadRole":"牵头研制",
				 "leadWorkSharePercent":70,"leadBudgetSharePercent":80,
				 "partners":[{"organisationId":"%s","role":"光学仿真与测试","workSharePercent":30,"budgetSharePercent":20}],
				 "kpis":[{"kind":"INVENTION_PATENTS_APPLIED","description":"申请发明专利","unit":"件","target":3}],
				 "workPlan":[{"title":"样机试制","dueDate":"2028-06-30","deliverables":"样机两台"},
				             {"title":"中试线建设","dueDate":"2029-06-30","deliverables":"中试线一条"}],
				 "budget":[{"category":"EQUIPMENT","source":"FISCAL","amount":"3000000.00"},
				           {"category":"LABOUR","source":"SELF_RAISED","amount":"7000000.00"}]}""".formatted(title, WUYI);
	}

	/** A small PDF (recognised by its content) as multipart/form-data with its requirement. */
	private static HttpResponse<String> uploadPdf(String path, String bearer, String requirement, String filename)
			throws Exception {
		String boundary = "----system" + UUID.randomUUID();
		java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"requirement\"\r\n"
				+ "Content-Type: text/plain; charset=UTF-8\r\n\r\n" + requirement + "\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.writeBytes("%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest.newBuilder(URI.create(suite.gatewayUrl() + path))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Bearer " + bearer)
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build();
		return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
	}

	private static String callId(String title) {
		JsonNode calls = api.get("/api/projects/calls?fieldCode=semiconductor-lighting&pageSize=200", token("manager"))
			.json().get("calls");
		for (JsonNode c : calls) {
			if (title.equals(c.get("title").asString())) {
				return c.get("id").asString();
			}
		}
		throw new AssertionError("no call titled " + title + " in " + calls);
	}

	private static JsonNode reviewItemOf(String proposal) {
		HttpProbe.Response items = api.get("/api/review/items?pageSize=100", token("manager"));
		assertThat(items.status()).as(items.body()).isEqualTo(200);
		for (JsonNode candidate : items.json().get("items")) {
			if (proposal.equals(candidate.get("itemId").asString())) {
				return candidate;
			}
		}
		return null;
	}

	private static <T> T eventually(String what, Supplier<T> probe) throws InterruptedException {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		while (Instant.now().isBefore(deadline)) {
			T found = probe.get();
			if (found != null) {
				return found;
			}
			Thread.sleep(250);
		}
		throw new AssertionError("Not within 60 s: " + what);
	}

	private static String single(Pattern pattern, String html) {
		Matcher m = pattern.matcher(html);
		assertThat(m.find()).as("%s in the page", pattern).isTrue();
		return m.group(1);
	}

	private static String token(String user) {
		return suite.infra().tokens().accessToken(user);
	}

}
