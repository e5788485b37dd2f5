package cn.jiangmen.innovation.systemtests.finance;

import java.time.Duration;

import cn.jiangmen.innovation.systemtests.BrowserTest;
import cn.jiangmen.innovation.systemtests.Chromium;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * POST-redirect-GET on a finance form, in a real headless Chromium through the gateway: the budget
 * raise with an amount in fractions of a fen lands, after a redirect, back on the form's own
 * address with the error summary focused, the amount as typed and its message next to it; a reload
 * is a plain GET (no "resubmit the form?", nothing prepared, the summary gone) and the language
 * switch works on that page.
 */
class FailedFormRedirectBrowserIT extends BrowserTest {

	@Test
	void aFailedRaiseComesBackAsTypedAndAReloadOrTheLanguageSwitchPostsNothing() {
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
		browser.manage().window().setSize(new Dimension(1280, 900));
		Chromium.signIn(browser, suite.gatewayUrl(), "officer");
		String form = suite.gatewayUrl() + "/finance/budgets/raise";
		browser.get(form);
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("amount")));
		new Select(browser.findElement(By.id("program"))).selectByValue("talent");
		Chromium.type(browser, "year", "2026");
		Chromium.type(browser, "amount", "12.345");
		browser.findElement(By.cssSelector("form button[type=submit].button--primary")).click();

		// back on the form's own address (303 + GET), the summary focused, the amount as typed
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("error-summary")));
		assertThat(browser.getCurrentUrl()).isEqualTo(form);
		wait.until(driver -> "error-summary".equals(
				((JavascriptExecutor) driver).executeScript("return document.activeElement && document.activeElement.id;")));
		WebElement amount = browser.findElement(By.id("amount"));
		assertThat(amount.getAttribute("value")).isEqualTo("12.345");
		assertThat(amount.getAttribute("aria-invalid")).isEqualTo("true");
		assertThat(amount.getAttribute("aria-describedby")).contains("error-amount");
		assertThat(browser.findElement(By.id("error-amount")).getText()).contains("两位小数");
		Chromium.screenshot(browser, "finance-raise-error-1280");
		assertAccessible("finance-raise-error-1280");
		browser.findElement(By.cssSelector("#error-summary a[href='#amount']")).click();
		assertThat(((JavascriptExecutor) browser).executeScript("return document.activeElement.id;")).isEqualTo("amount");
		browser.manage().window().setSize(new Dimension(390, 844));
		((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
		assertThat(horizontalOverflow()).as("no sideways scrolling at 390 px").isLessThanOrEqualTo(0L);
		Chromium.screenshot(browser, "finance-raise-error-390");
		assertAccessible("finance-raise-error-390");
		browser.manage().window().setSize(new Dimension(1280, 900));

		// a reload is a GET of the form: no prompt to post again, the summary (read once) gone, nothing prepared
		browser.navigate().refresh();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("amount")));
		assertThat(browser.getCurrentUrl()).isEqualTo(form);
		assertThat(browser.findElements(By.id("error-summary"))).isEmpty();
		assertThat(browser.findElements(By.cssSelector(".banner--success"))).isEmpty();

		// the language switch works on the page a failed POST landed on
		Chromium.type(browser, "amount", "-5");
		browser.findElement(By.cssSelector("form button[type=submit].button--primary")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("error-summary")));
		browser.findElement(By.cssSelector("a.lang-switch[href*='lang=en']")).click();
		wait.until(driver -> "en".equals(driver.findElement(By.tagName("html")).getAttribute("lang")));
		assertThat(browser.getCurrentUrl()).startsWith(form);
		assertThat(browser.findElement(By.id("page-title")).getText()).doesNotContainPattern("[\\u4e00-\\u9fff]");
		Chromium.screenshot(browser, "finance-raise-after-switch-en-1280");
		assertAccessible("finance-raise-after-switch-en-1280");
	}

	private static long horizontalOverflow() {
		return (Long) ((JavascriptExecutor) browser).executeScript(
				"return document.scrollingElement.scrollWidth - document.scrollingElement.clientWidth;");
	}

}
