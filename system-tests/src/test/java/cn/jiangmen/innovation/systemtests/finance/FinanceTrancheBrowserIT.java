package cn.jiangmen.innovation.systemtests.finance;

import java.sql.SQLException;
import java.time.Duration;
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
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Four eyes in a real headless Chromium through the gateway: {@code officer} prepares a tranche
 * whose milestone project-service says is accepted (seeded in project-service's database), then
 * {@code approver} approves it; the officer's own inbox never offers the decision. Screenshots at
 * 1280 and 390 px, without sideways scrolling.
 */
class FinanceTrancheBrowserIT {

	static RunningSuite suite;

	static FundingSetUp funding;

	static WebDriver officerBrowser;

	static WebDriver approverBrowser;

	@BeforeAll
	static void start() {
		suite = RunningSuite.get();
		funding = new FundingSetUp(suite);
		officerBrowser = Chromium.start();
		approverBrowser = Chromium.start();
	}

	@AfterAll
	static void stop() {
		for (WebDriver browser : new WebDriver[] { officerBrowser, approverBrowser }) {
			if (browser != null) {
				browser.quit();
			}
		}
	}

	@Test
	void anOfficerPreparesAndADifferentApproverApprovesATrancheOfAnAcceptedMilestone() throws SQLException {
		UUID project = UUID.randomUUID();
		UUID milestone = UUID.randomUUID();
		funding.acceptedMilestone(project, milestone);
		String trancheId = funding.committedTranche(project, milestone, 1_500_000_00L);

		WebDriver officer = officerBrowser;
		WebDriverWait wait = new WebDriverWait(officer, Duration.ofSeconds(30));
		officer.manage().window().setSize(new Dimension(1280, 900));
		Chromium.signIn(officer, suite.gatewayUrl(), "officer");
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("finance")));
		Chromium.screenshot(officer, "finance-home-officer-1280");
		Accessibility.assertAccessible(officer, "finance-home-officer-1280");
		officer.findElement(By.cssSelector(".site-nav a[href$='/finance/inbox']")).click();
		WebElement row = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("tranche-" + trancheId)));
		((JavascriptExecutor) officer).executeScript("arguments[0].scrollIntoView({block: 'center'})", row);
		Chromium.screenshot(officer, "finance-inbox-prepare-1280");
		Accessibility.assertAccessible(officer, "finance-inbox-prepare-1280");
		row.findElement(By.cssSelector("a[href*='/prepare']")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("confirm-question")));
		officer.manage().window().setSize(new Dimension(390, 844));
		assertThat(FundingSetUp.horizontalOverflow(officer)).isLessThanOrEqualTo(0L);
		Chromium.screenshot(officer, "finance-prepare-confirm-390");
		Accessibility.assertAccessible(officer, "finance-prepare-confirm-390");
		officer.findElement(By.cssSelector("form button[type=submit].button--primary")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".banner--success")));
		assertThat(officer.getCurrentUrl()).contains("tab=approve");
		assertThat(officer.findElements(By.cssSelector("a[href$='/finance/tranches/" + trancheId + "/approve']")))
			.as("the officer is never offered the decision").isEmpty();
		assertThat(FundingSetUp.horizontalOverflow(officer)).isLessThanOrEqualTo(0L);
		Chromium.screenshot(officer, "finance-inbox-approve-officer-390");
		Accessibility.assertAccessible(officer, "finance-inbox-approve-officer-390");

		WebDriver approver = approverBrowser;
		WebDriverWait approverWait = new WebDriverWait(approver, Duration.ofSeconds(30));
		approver.manage().window().setSize(new Dimension(1280, 900));
		Chromium.signIn(approver, suite.gatewayUrl(), "approver");
		approver.get(suite.gatewayUrl() + "/finance/inbox?tab=approve");
		WebElement prepared = approverWait.until(ExpectedConditions.presenceOfElementLocated(By.id("tranche-" + trancheId)));
		assertThat(prepared.getText()).contains("officer");
		((JavascriptExecutor) approver).executeScript("arguments[0].scrollIntoView({block: 'center'})", prepared);
		Chromium.screenshot(approver, "finance-inbox-approve-1280");
		Accessibility.assertAccessible(approver, "finance-inbox-approve-1280");
		prepared.findElement(By.cssSelector("a[href$='/approve']")).click();
		approverWait.until(ExpectedConditions.presenceOfElementLocated(By.id("confirm-question")));
		Chromium.screenshot(approver, "finance-approve-confirm-1280");
		Accessibility.assertAccessible(approver, "finance-approve-confirm-1280");
		approver.findElement(By.cssSelector("form button[type=submit].button--primary")).click();
		approverWait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".banner--success")));
		assertThat(approver.findElements(By.id("tranche-" + trancheId))).as("left the queue").isEmpty();

		approver.get(suite.gatewayUrl() + "/finance/budgets");
		approverWait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".chart svg")));
		Chromium.screenshot(approver, "finance-budgets-1280");
		Accessibility.assertAccessible(approver, "finance-budgets-1280");
		approver.manage().window().setSize(new Dimension(390, 844));
		approver.navigate().refresh();
		approverWait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".chart svg")));
		assertThat(FundingSetUp.horizontalOverflow(approver)).isLessThanOrEqualTo(0L);
		Chromium.screenshot(approver, "finance-budgets-390");
		Accessibility.assertAccessible(approver, "finance-budgets-390");
		assertThat(funding.state(trancheId)).isEqualTo("APPROVED");
	}

}
