package cn.jiangmen.innovation.systemtests.finance;

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
 * From an accepted milestone to a paid batch in a real headless Chromium through the gateway, with
 * two people: {@code officer} prepares the tranche, {@code approver} approves it, the officer makes
 * a payment batch of it, downloads its pain.001 and CSV files, sends it and records the bank's
 * answer (paid), each step confirmed; the approver then reads the closed batch. Screenshots at 1280
 * and 390 px without sideways scrolling.
 */
class FinanceBatchBrowserIT {

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
	void anAcceptedMilestonesTrancheIsApprovedBatchedSentAndPaidByTwoPeople() throws Exception {
		UUID project = UUID.randomUUID();
		UUID milestone = UUID.randomUUID();
		funding.acceptedMilestone(project, milestone);
		String trancheId = funding.committedTranche(project, milestone, 880_000_00L);
		funding.bankAccount();

		WebDriver officer = officerBrowser;
		WebDriverWait wait = new WebDriverWait(officer, Duration.ofSeconds(30));
		officer.manage().window().setSize(new Dimension(1280, 900));
		Chromium.signIn(officer, suite.gatewayUrl(), "officer");
		officer.get(suite.gatewayUrl() + "/finance/inbox");
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("tranche-" + trancheId)))
			.findElement(By.cssSelector("a[href*='/prepare']"))
			.click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("confirm-question")));
		officer.findElement(By.cssSelector("form button[type=submit].button--primary")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".banner--success")));

		WebDriver approver = approverBrowser;
		WebDriverWait approverWait = new WebDriverWait(approver, Duration.ofSeconds(30));
		approver.manage().window().setSize(new Dimension(1280, 900));
		Chromium.signIn(approver, suite.gatewayUrl(), "approver");
		approver.get(suite.gatewayUrl() + "/finance/inbox?tab=approve");
		approverWait.until(ExpectedConditions.presenceOfElementLocated(By.id("tranche-" + trancheId)))
			.findElement(By.cssSelector("a[href$='/approve']"))
			.click();
		approverWait.until(ExpectedConditions.presenceOfElementLocated(By.id("confirm-question")));
		approver.findElement(By.cssSelector("form button[type=submit].button--primary")).click();
		approverWait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".banner--success")));
		assertThat(funding.state(trancheId)).isEqualTo("APPROVED");

		// the officer makes a batch of the approved tranche
		officer.navigate().refresh();
		officer.findElement(By.cssSelector(".site-nav a[href$='/finance/batches']")).click();
		WebElement waiting = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("payable-" + trancheId)));
		assertThat(waiting.getText()).contains("江门市光电科技有限公司").contains("880,000.00");
		((JavascriptExecutor) officer).executeScript("arguments[0].scrollIntoView({block: 'center'})", waiting);
		Chromium.screenshot(officer, "finance-batches-waiting-1280");
		Accessibility.assertAccessible(officer, "finance-batches-waiting-1280");
		officer.findElement(By.id("choose-" + trancheId)).click();
		officer.findElement(By.cssSelector("form[action$='/finance/batches/new'] button[type=submit]")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("confirm-question")));
		assertThat(officer.findElement(By.id("batch-total")).getText()).isEqualTo("880,000.00");
		officer.manage().window().setSize(new Dimension(390, 844));
		assertThat(FundingSetUp.horizontalOverflow(officer)).isLessThanOrEqualTo(0L);
		Chromium.screenshot(officer, "finance-batch-create-confirm-390");
		Accessibility.assertAccessible(officer, "finance-batch-create-confirm-390");
		officer.findElement(By.cssSelector("form button[type=submit].button--primary")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".banner--success")));
		String batchUrl = officer.getCurrentUrl().replaceAll("\\?.*", "");
		assertThat(batchUrl).matches(".*/finance/batches/[0-9a-f-]{36}");
		assertThat(officer.findElement(By.id("line-1")).getText()).contains("江门市光电科技有限公司")
			.contains("44001700000000123456");
		assertThat(FundingSetUp.horizontalOverflow(officer)).isLessThanOrEqualTo(0L);
		Chromium.screenshot(officer, "finance-batch-created-390");
		Accessibility.assertAccessible(officer, "finance-batch-created-390");

		// the files the bank receives, fetched as the download links do
		officer.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
		String pain001 = fetch(officer, batchUrl + "/pain001");
		assertThat(pain001).contains("urn:iso:std:iso:20022:tech:xsd:pain.001.001.09")
			.contains("<CtrlSum>880000.00</CtrlSum>")
			.contains("<MmbId>105589000019</MmbId>");
		assertThat(fetch(officer, batchUrl + "/csv")).contains("TOTAL,1,").contains("SHA256,");

		// sent, confirmed
		officer.manage().window().setSize(new Dimension(1280, 900));
		officer.findElement(By.id("send-batch")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("confirm-question")));
		Chromium.screenshot(officer, "finance-batch-send-confirm-1280");
		Accessibility.assertAccessible(officer, "finance-batch-send-confirm-1280");
		officer.findElement(By.cssSelector("form button[type=submit].button--primary")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".banner--success")));
		assertThat(funding.state(trancheId)).isEqualTo("BATCHED");

		// the bank's answer: paid, checked, then confirmed
		officer.findElement(By.id("record-answer")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("answer-1"))).click();
		officer.manage().window().setSize(new Dimension(390, 844));
		assertThat(FundingSetUp.horizontalOverflow(officer)).isLessThanOrEqualTo(0L);
		Chromium.screenshot(officer, "finance-batch-answer-390");
		Accessibility.assertAccessible(officer, "finance-batch-answer-390");
		officer.findElement(By.cssSelector("form button[type=submit].button--primary")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("confirm-question")));
		Chromium.screenshot(officer, "finance-batch-answer-confirm-390");
		Accessibility.assertAccessible(officer, "finance-batch-answer-confirm-390");
		officer.findElement(By.cssSelector("form button[type=submit].button--primary")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".banner--success")));
		assertThat(officer.findElement(By.id("batch-state")).getText()).isEqualTo("银行已全部回执");
		assertThat(officer.findElement(By.id("line-1")).getText()).contains("已支付");
		assertThat(funding.state(trancheId)).isEqualTo("PAID");

		// the approver reads the paid batch; nothing on it is theirs to do
		approver.get(batchUrl);
		approverWait.until(ExpectedConditions.presenceOfElementLocated(By.id("batch-state")));
		assertThat(approver.findElements(By.id("send-batch"))).isEmpty();
		assertThat(approver.findElements(By.id("record-answer"))).isEmpty();
		Chromium.screenshot(approver, "finance-batch-paid-1280");
		Accessibility.assertAccessible(approver, "finance-batch-paid-1280");
		approver.manage().window().setSize(new Dimension(390, 844));
		approver.navigate().refresh();
		approverWait.until(ExpectedConditions.presenceOfElementLocated(By.id("batch-state")));
		assertThat(FundingSetUp.horizontalOverflow(approver)).isLessThanOrEqualTo(0L);
		Chromium.screenshot(approver, "finance-batch-paid-390");
		Accessibility.assertAccessible(approver, "finance-batch-paid-390");
	}

	/** The body of a same-origin GET, as the page's download link fetches it. */
	private static String fetch(WebDriver browser, String url) {
		return (String) ((JavascriptExecutor) browser).executeAsyncScript(
				"const done = arguments[arguments.length - 1];"
						+ "fetch(arguments[0], {credentials: 'same-origin'}).then(r => r.text()).then(done, e => done('failed: ' + e));",
				url);
	}

}
