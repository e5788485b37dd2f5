package cn.jiangmen.innovation.systemtests.talent;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import cn.jiangmen.innovation.systemtests.Chromium;
import cn.jiangmen.innovation.systemtests.RunningSuite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Autosave never loses work, in a real headless Chromium through the gateway: a field talent-service
 * cannot take is named next to it while the rest is saved; then the gateway session is deleted
 * mid-edit (its cookie, as when it expired), and the page says so in a visible alert, keeps the text
 * and drops the "saved" line; signing in again through the alert's link comes back to the draft,
 * which offers the text kept in the browser, and restoring it saves it for good.
 */
class DraftSurvivesSessionExpiryBrowserIT {

	static final String SESSION_COOKIE = "JIANGMEN_SESSION";

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
	void nothingTypedIsLostWhenTheSessionExpiresMidEdit() throws Exception {
		UUID call = TalentCalls.openCall(suite);
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
		Chromium.signIn(browser, suite.gatewayUrl(), "applicant1");
		browser.get(suite.gatewayUrl() + "/talent/calls");
		wait.until(ExpectedConditions.elementToBeClickable(
				By.cssSelector("form[action$='/talent/calls/" + call + "/applications'] button[type=submit]")))
			.click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("application-form")));
		String draftUrl = browser.getCurrentUrl();

		// (the partial save of one bad field is proved in TalentPagesTest and talent's ITs; in Chromium it used
		// the typed host credit code, which the organisation directory replaced: to be rewritten on a team field)
		type("title", "可见光通信创新团队");
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#feedback .autosave-saved")));

		// the session ends while the applicant is typing
		browser.manage().deleteCookieNamed(SESSION_COOKIE);
		String typed = "会话过期之后输入的简介：面向工厂的LED可见光通信系统。";
		type("summary", typed);
		WebElement alert = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("autosave-alert")));
		wait.until(ExpectedConditions.textToBePresentInElement(alert, "登录已过期"));
		Object inView = ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
				"var r = arguments[0].getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight;", alert);
		assertThat(inView).as("the alert is in sight where the applicant was typing").isEqualTo(true);
		assertThat(browser.findElements(By.cssSelector("#feedback .autosave-saved")))
			.as("no 'saved' line left showing after a failed save")
			.isEmpty();
		assertThat(browser.findElement(By.id("summary")).getAttribute("value")).as("the text stays on the page")
			.isEqualTo(typed);
		Chromium.screenshot(browser, "talent-draft-session-expired");

		// signing in again comes back to the draft, which offers what was typed
		alert.findElement(By.cssSelector(".autosave-alert__sign-in")).click();
		List<WebElement> login = new WebDriverWait(browser, Duration.ofSeconds(15))
			.until(driver -> driver.getCurrentUrl().startsWith(draftUrl) ? List.<WebElement>of()
					: driver.findElements(By.id("username")).isEmpty() ? null : driver.findElements(By.id("username")));
		if (!login.isEmpty()) {
			Chromium.logIn(browser, "applicant1");
		}
		wait.until(ExpectedConditions.urlToBe(draftUrl));
		WebElement restore = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("autosave-restore")));
		Chromium.screenshot(browser, "talent-draft-restore-offered");
		restore.findElement(By.cssSelector(".autosave-restore__apply")).click();
		assertThat(browser.findElement(By.id("summary")).getAttribute("value")).isEqualTo(typed);
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#feedback .autosave-saved")));

		// stored for good: a fresh page shows it from the server and offers nothing more to restore
		browser.navigate().refresh();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("application-form")));
		assertThat(browser.findElement(By.id("summary")).getAttribute("value")).isEqualTo(typed);
		assertThat(browser.findElement(By.id("title")).getAttribute("value")).isEqualTo("可见光通信创新团队");
		assertThat(browser.findElement(By.id("autosave-restore")).isDisplayed()).isFalse();
	}

	/** Types into a field and leaves it, as a person does: the change event starts the autosave. */
	private static void type(String id, String text) {
		WebElement field = browser.findElement(By.id(id));
		field.clear();
		field.sendKeys(text);
		field.sendKeys(Keys.TAB);
	}

}
