package cn.jiangmen.innovation.systemtests.finance;

import java.time.Duration;

import cn.jiangmen.innovation.contracts.funding.v1.Voucher;
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
 * An innovation voucher (科技创新券) in real headless Chromium through the gateway: the program
 * manager issues one to the SME on a confirmation page; the SME's applicant sees it with the yearly
 * cap, issued and remaining, and redeems it at 五邑大学 on the portal's form and confirmation;
 * {@code officer} prepares the settlement on evidence and {@code approver}, a
 * different person, approves it, while the officer is never offered the approval. Screenshots at
 * 1280 and 390 px, without sideways scrolling.
 */
class VoucherBrowserIT {

	static RunningSuite suite;

	static VoucherSetUp vouchers;

	static WebDriver browser;

	@BeforeAll
	static void start() throws Exception {
		suite = RunningSuite.get();
		vouchers = new VoucherSetUp(suite);
		vouchers.vouchersOf2026();
		browser = Chromium.start();
	}

	@AfterAll
	static void stop() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void issuedToAnSmeSeenWithItsCapRedeemedAndSettledByTwoPeople() {
		WebDriverWait wait = patience();
		browser.manage().window().setSize(new Dimension(1280, 900));
		Chromium.signIn(browser, suite.gatewayUrl(), "manager");
		browser.get(suite.gatewayUrl() + "/finance/vouchers/issue");
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("enterprise")));
		Chromium.type(browser, "enterprise", FundingSetUp.ORGANISATION);
		Chromium.type(browser, "year", "2026");
		Chromium.type(browser, "amount", "20000.00");
		Chromium.screenshot(browser, "voucher-issue-1280");
		browser.findElement(By.cssSelector("form button[type=submit].button--primary")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("confirm-question")));
		assertThat(browser.findElement(By.tagName("main")).getText()).contains("江门市光电科技有限公司").contains("20,000.00");
		browser.manage().window().setSize(new Dimension(390, 844));
		assertThat(FundingSetUp.horizontalOverflow(browser)).isLessThanOrEqualTo(0L);
		Chromium.screenshot(browser, "voucher-issue-confirm-390");
		browser.findElement(By.cssSelector("form button[type=submit].button--primary")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".banner--success")));
		Voucher issued = vouchers.newestOf("applicant1");
		assertThat(issued.getFace().getMinorUnits()).isEqualTo(20_000_00L);
		signOut();
		wait = patience();

		browser.manage().window().setSize(new Dimension(1280, 900));
		Chromium.signIn(browser, suite.gatewayUrl(), "applicant1");
		browser.get(suite.gatewayUrl() + "/funding/vouchers");
		WebElement mine = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("voucher-" + issued.getVoucherId())));
		assertThat(mine.getText()).contains("20,000.00");
		WebElement allowance = browser.findElement(By.id("allowance-2026"));
		assertThat(allowance.getText()).contains("5,000,000.00");
		Chromium.screenshot(browser, "voucher-sme-1280");
		browser.manage().window().setSize(new Dimension(390, 844));
		browser.navigate().refresh();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("allowance-2026")));
		assertThat(FundingSetUp.horizontalOverflow(browser)).isLessThanOrEqualTo(0L);
		Chromium.screenshot(browser, "voucher-sme-390");

		// the SME redeems it on the page, at 390 px: 50 % of a 30,000.00 contract is 15,000.00, below the face value
		browser.findElement(By.id("redeem-" + issued.getVoucherId())).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("provider")));
		Chromium.type(browser, "provider", "五邑大学");
		Chromium.type(browser, "reference", "JM-SVC-IT-001");
		Chromium.type(browser, "price", "30000.00");
		assertThat(FundingSetUp.horizontalOverflow(browser)).isLessThanOrEqualTo(0L);
		Chromium.screenshot(browser, "voucher-redeem-390");
		browser.findElement(By.cssSelector("form button[type=submit].button--primary")).click();
		WebElement pays = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("voucher-pays")));
		assertThat(pays.getText()).contains("15,000.00");
		assertThat(FundingSetUp.horizontalOverflow(browser)).isLessThanOrEqualTo(0L);
		Chromium.screenshot(browser, "voucher-redeem-confirm-390");
		browser.findElement(By.cssSelector("form button[type=submit].button--primary")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("voucher-notice")));
		assertThat(browser.findElement(By.id("voucher-" + issued.getVoucherId())).getText()).contains("五邑大学")
			.contains("JM-SVC-IT-001")
			.contains("15,000.00");
		assertThat(browser.findElements(By.id("redeem-" + issued.getVoucherId()))).as("redeemed once").isEmpty();
		Chromium.screenshot(browser, "voucher-redeemed-390");
		signOut();

		wait = patience();
		browser.manage().window().setSize(new Dimension(1280, 900));
		Chromium.signIn(browser, suite.gatewayUrl(), "officer");
		browser.get(suite.gatewayUrl() + "/finance/vouchers/" + issued.getVoucherId() + "/prepare");
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("evidence")));
		Chromium.type(browser, "evidence", "发票 No. 44070099");
		Chromium.screenshot(browser, "voucher-settlement-prepare-1280");
		browser.findElement(By.cssSelector("form button[type=submit].button--primary")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".banner--success")));
		WebElement prepared = browser.findElement(By.id("voucher-" + issued.getVoucherId()));
		assertThat(prepared.findElements(By.cssSelector("a[href$='/approve']"))).as("the maker is never offered it").isEmpty();
		((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", prepared);
		Chromium.screenshot(browser, "voucher-settlement-prepared-officer-1280");
		signOut();
		wait = patience();

		browser.manage().window().setSize(new Dimension(1280, 900));
		Chromium.signIn(browser, suite.gatewayUrl(), "approver");
		browser.get(suite.gatewayUrl() + "/finance/vouchers");
		WebElement toApprove = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("voucher-" + issued.getVoucherId())));
		toApprove.findElement(By.cssSelector("a[href$='/approve']")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("confirm-question")));
		browser.manage().window().setSize(new Dimension(390, 844));
		assertThat(FundingSetUp.horizontalOverflow(browser)).isLessThanOrEqualTo(0L);
		Chromium.screenshot(browser, "voucher-settlement-approve-390");
		browser.findElement(By.cssSelector("form button[type=submit].button--primary")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".banner--success")));
		assertThat(browser.findElement(By.id("voucher-" + issued.getVoucherId())).getText()).contains("15,000.00");
		Chromium.screenshot(browser, "voucher-settled-390");
		browser.manage().window().setSize(new Dimension(1280, 900));
		browser.navigate().refresh();
		Chromium.screenshot(browser, "voucher-settled-1280");
	}

	private static WebDriverWait patience() {
		return new WebDriverWait(browser, Duration.ofSeconds(30));
	}

	/** The next person signs in in a browser of their own (no session of the last one's, at the gateway or Keycloak). */
	private static void signOut() {
		browser.quit();
		browser = Chromium.start();
	}

}
