package cn.jiangmen.innovation.systemtests.manager;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import cn.jiangmen.innovation.systemtests.BrowserTest;
import cn.jiangmen.innovation.systemtests.Chromium;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The program manager in a real headless Chromium: the home page and the nav lead only to pages
 * that exist, and a call whose closing time has passed (still stored as open) is listed as closed,
 * at 1280 and at 390 px without sideways scrolling.
 */
class ManagerCallsBrowserIT extends BrowserTest {

	@Test
	void homeLeadsToWorkAndAClosedCallIsShownClosed() throws SQLException {
		UUID call = closedCall();
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
		browser.manage().window().setSize(new Dimension(1280, 900));
		Chromium.signIn(browser, suite.gatewayUrl(), "manager");
		assertThat(browser.getPageSource()).doesNotContain("后续版本").doesNotContain("class=\"later\"");
		List<WebElement> nav = browser.findElements(By.cssSelector(".site-nav a"));
		assertThat(nav).isNotEmpty().allSatisfy(a -> assertThat(a.getAttribute("href")).doesNotContain("/#"));
		Chromium.screenshot(browser, "manager-home-1280");
		assertAccessible("manager-home-1280");

		browser.findElement(By.cssSelector(".site-nav a[href$='/talent/manage/calls']")).click();
		WebElement row = findRow(wait, call);
		assertThat(row.findElement(By.cssSelector(".status")).getText()).isEqualTo("已截止");
		((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", row);
		Chromium.screenshot(browser, "manager-calls-1280");
		assertAccessible("manager-calls-1280");

		browser.manage().window().setSize(new Dimension(390, 844));
		browser.navigate().refresh();
		row = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("call-" + call)));
		assertThat(horizontalOverflow()).isLessThanOrEqualTo(0L);
		Chromium.screenshot(browser, "manager-calls-390");
		assertAccessible("manager-calls-390");
		browser.get(suite.gatewayUrl() + "/");
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("manager")));
		assertThat(horizontalOverflow()).isLessThanOrEqualTo(0L);
		Chromium.screenshot(browser, "manager-home-390");
		assertAccessible("manager-home-390");
	}

	/** Pages through the list (other tests leave calls behind) until the call's row shows. */
	private static WebElement findRow(WebDriverWait wait, UUID call) {
		for (int i = 0; i < 50; i++) {
			wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("h1")));
			List<WebElement> rows = browser.findElements(By.id("call-" + call));
			if (!rows.isEmpty()) {
				return rows.get(0);
			}
			List<WebElement> next = browser.findElements(By.cssSelector(".pager a[rel=next]"));
			assertThat(next).as("call %s on some page", call).isNotEmpty();
			next.get(0).click();
		}
		throw new AssertionError("call " + call + " not listed");
	}

	private static long horizontalOverflow() {
		return (Long) ((JavascriptExecutor) browser)
			.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
	}

	/** A call still stored as OPEN whose closing time passed an hour ago: only the clock closes it. */
	private static UUID closedCall() throws SQLException {
		UUID call = UUID.randomUUID();
		Instant now = Instant.now();
		try (Connection db = DriverManager.getConnection(suite.jdbcUrl("talent"), suite.infra().dbUser(),
				suite.infra().dbPassword());
				PreparedStatement insert = db.prepareStatement("""
						insert into talent_call (id, title, categories, priority_fields, opens_at, closes_at, status,
						    created_at, version)
						values (?, ?, cast(? as jsonb), ?, ?, ?, 'OPEN', ?, 0)
						""")) {
			insert.setObject(1, call);
			insert.setString(2, "已截止的系统测试批次 " + call.toString().substring(0, 8));
			insert.setString(3, """
					{"TEAM_RND_INDUSTRIALISATION": {"maxLeaderAge": 55, "minTeamSize": 2,
					  "requiredLeaderTitles": ["PROFESSOR"], "leaderFullTime": true, "fieldMustBeInCall": true}}
					""");
			insert.setArray(4, db.createArrayOf("text", new String[] { "visible-light-communication" }));
			insert.setTimestamp(5, Timestamp.from(now.minus(30, ChronoUnit.DAYS)));
			insert.setTimestamp(6, Timestamp.from(now.minus(1, ChronoUnit.HOURS)));
			insert.setTimestamp(7, Timestamp.from(now.minus(31, ChronoUnit.DAYS)));
			insert.executeUpdate();
		}
		return call;
	}

}
