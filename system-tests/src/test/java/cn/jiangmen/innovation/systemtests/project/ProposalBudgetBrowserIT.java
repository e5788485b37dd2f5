package cn.jiangmen.innovation.systemtests.project;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import cn.jiangmen.innovation.systemtests.Accessibility;
import cn.jiangmen.innovation.systemtests.Chromium;
import cn.jiangmen.innovation.systemtests.RunningSuite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The applicant's major-project proposal in a real headless Chromium, through the gateway against
 * the real project-service: the call page, starting a proposal, the consortium with a partner chosen
 * by its directory name, a KPI and a milestone, and the budget editor whose totals, shares and
 * over-limit note change as one types (then the server's autosave stores it and its findings agree),
 * at 1280 and at 390 px without sideways scrolling of the page.
 */
class ProposalBudgetBrowserIT {

	static RunningSuite suite;

	static WebDriver browser;

	@BeforeAll
	static void start() {
		suite = RunningSuite.get();
		browser = Chromium.start();
	}

	@AfterAll
	static void stop() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void theBudgetEditorComputesAsOneTypesAndTheProposalIsSaved() throws SQLException {
		UUID call = openCall();
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
		browser.manage().window().setSize(new Dimension(1280, 900));
		Chromium.signIn(browser, suite.gatewayUrl(), "applicant1");

		browser.get(suite.gatewayUrl() + "/projects/calls");
		wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("a[href$='/projects/calls/" + call + "']"))).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".guideline")));
		assertThat(browser.findElement(By.tagName("main")).getText()).contains("牵头单位须为在江门注册的企业", "不超过 30%",
				"营业执照", "须有高校或科研院所合作（产学研）");
		Chromium.screenshot(browser, "project-call-1280");
		Accessibility.assertAccessible(browser, "project-call-1280");

		browser.findElement(By.cssSelector("form[action$='/proposals'] button[type=submit]")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("proposal-form")));
		type("title", "轨道交通牵引变流器系统测试");
		new Select(browser.findElement(By.id("topicCode"))).selectByValue("T1");
		type("objectives", "研制新一代牵引变流器并实现装车验证");
		type("leadRole", "总体设计与系统集成");
		type("leadWorkSharePercent", "70");
		type("leadBudgetSharePercent", "80");
		type("partners-0-organisationName", "五邑大学");
		type("partners-0-role", "可靠性测试");
		type("partners-0-workSharePercent", "30");
		type("partners-0-budgetSharePercent", "20");
		assertThat(text("[data-share-sum='work']")).isEqualTo("100");
		assertThat(text("[data-share-sum='budget']")).isEqualTo("100");
		new Select(browser.findElement(By.id("kpis-0-kind"))).selectByValue("INVENTION_PATENTS_APPLIED");
		type("kpis-0-description", "牵引变流器发明专利");
		type("kpis-0-unit", "件");
		type("kpis-0-target", "5");
		type("workPlan-0-title", "样机装车验证");
		((JavascriptExecutor) browser).executeScript(
				"arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change', {bubbles: true}));",
				browser.findElement(By.id("workPlan-0-dueDate")),
				LocalDate.now(ZoneId.of("Asia/Shanghai")).plusYears(1).toString());
		type("workPlan-0-deliverables", "样机一台，第三方检测报告");

		// the budget grid: fiscal money alone is 100% of the total, over the call's 30%
		type("budget-EQUIPMENT-FISCAL", "600000");
		assertThat(text("[data-total]")).isEqualTo("600,000.00");
		assertThat(text("[data-fiscal-share]")).isEqualTo("100.00");
		assertThat(browser.findElement(By.cssSelector("[data-over-limit]")).isDisplayed()).isTrue();
		// self-raised money brings the fiscal share to exactly 30%: the note goes
		type("budget-EQUIPMENT-SELF_RAISED", "1,000,000");
		type("budget-TESTING-SELF_RAISED", "400000.50");
		assertThat(text("tr[data-category='EQUIPMENT'] [data-row-total]")).isEqualTo("1,600,000.00");
		assertThat(text("[data-source-total='SELF_RAISED']")).isEqualTo("1,400,000.50");
		assertThat(text("[data-total]")).isEqualTo("2,000,000.50");
		assertThat(text("[data-fiscal-share]")).isEqualTo("30.00");
		assertThat(browser.findElement(By.cssSelector("[data-over-limit]")).isDisplayed()).isFalse();
		type("budget-TESTING-SELF_RAISED", "400000");
		assertThat(text("[data-fiscal-share]")).isEqualTo("30.00");
		assertThat(browser.findElement(By.cssSelector("[data-over-limit]")).isDisplayed()).isFalse();

		// autosave: htmx posts the form a second after the last change; the server's findings agree
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#feedback .autosave-saved time")));
		wait.until(driver -> !driver.findElement(By.id("feedback")).getText().contains("财政资金占比"));
		// the last change's save (a second after it) has come back before the page is loaded again
		sleep(2500);
		wait.until(driver -> !driver.findElement(By.id("proposal-form")).getAttribute("class").contains("htmx-request"));
		((JavascriptExecutor) browser).executeScript("document.getElementById('section-budget').scrollIntoView()");
		Chromium.screenshot(browser, "project-proposal-budget-1280");
		Accessibility.assertAccessible(browser, "project-proposal-budget-1280");

		browser.manage().window().setSize(new Dimension(390, 844));
		browser.navigate().refresh();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("proposal-form")));
		assertThat(browser.findElement(By.id("budget-EQUIPMENT-SELF_RAISED")).getAttribute("value")).isEqualTo("1000000.00");
		assertThat(text("[data-total]")).isEqualTo("2,000,000.00");
		assertThat(horizontalOverflow()).isLessThanOrEqualTo(0L);
		((JavascriptExecutor) browser).executeScript("document.getElementById('section-budget').scrollIntoView()");
		Chromium.screenshot(browser, "project-proposal-budget-390");
		Accessibility.assertAccessible(browser, "project-proposal-budget-390");
		type("budget-MATERIALS-FISCAL", "10");
		assertThat(text("[data-total]")).isEqualTo("2,000,010.00");
		assertThat(browser.findElement(By.cssSelector("[data-over-limit]")).isDisplayed()).isTrue();
		Chromium.screenshot(browser, "project-proposal-over-limit-390");
		Accessibility.assertAccessible(browser, "project-proposal-over-limit-390");

		browser.manage().window().setSize(new Dimension(1280, 900));
		browser.findElement(By.cssSelector("a[href$='/review']")).click();
		wait.until(ExpectedConditions.urlContains("/review"));
		assertThat(browser.findElement(By.tagName("main")).getText()).contains("检查并提交", "轨道交通牵引变流器系统测试",
				"五邑大学", "尚未确认");
		Chromium.screenshot(browser, "project-proposal-check-your-answers-1280");
		Accessibility.assertAccessible(browser, "project-proposal-check-your-answers-1280");
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static void type(String id, String text) {
		WebElement field = browser.findElement(By.id(id));
		field.clear();
		field.sendKeys(text);
	}

	private static String text(String css) {
		return browser.findElement(By.cssSelector(css)).getText();
	}

	private static long horizontalOverflow() {
		return (Long) ((JavascriptExecutor) browser)
			.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
	}

	/** A published call of rail transit equipment open for 30 more days, with an 产学研 topic. */
	private static UUID openCall() throws SQLException {
		UUID call = UUID.randomUUID();
		Instant now = Instant.now();
		try (Connection db = DriverManager.getConnection(suite.jdbcUrl("project"), suite.infra().dbUser(),
				suite.infra().dbPassword());
				PreparedStatement insert = db.prepareStatement("""
						insert into project_call (id, field_code, year, title, topics, ceiling_fen,
						    max_fiscal_share_percent, required_documents, guideline, opens_at, closes_at, status,
						    created_at, updated_at, version)
						values (?, 'rail-transit-equipment', 2026, ?, cast(? as jsonb), 300000000, 30,
						    cast(? as jsonb), ?, ?, ?, 'PUBLISHED', ?, ?, 0)
						""")) {
			insert.setObject(1, call);
			insert.setString(2, "轨道交通装备系统测试指南 " + call.toString().substring(0, 8));
			insert.setString(3, """
					[{"code": "T1", "title": "牵引变流器", "requiresResearchPartner": true}]
					""");
			insert.setString(4, "[\"营业执照\", \"审计报告\"]");
			insert.setString(5, "支持轨道交通装备关键部件攻关。\n项目实施期不超过三年。");
			insert.setTimestamp(6, Timestamp.from(now.minus(1, ChronoUnit.DAYS)));
			insert.setTimestamp(7, Timestamp.from(now.plus(30, ChronoUnit.DAYS)));
			insert.setTimestamp(8, Timestamp.from(now.minus(2, ChronoUnit.DAYS)));
			insert.setTimestamp(9, Timestamp.from(now.minus(2, ChronoUnit.DAYS)));
			insert.executeUpdate();
		}
		return call;
	}

}
