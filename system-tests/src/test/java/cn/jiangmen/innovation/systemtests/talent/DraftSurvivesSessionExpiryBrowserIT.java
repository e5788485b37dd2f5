package cn.jiangmen.innovation.systemtests.talent;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import cn.jiangmen.innovation.systemtests.BrowserTest;
import cn.jiangmen.innovation.systemtests.Chromium;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Autosave never loses work, in a real headless Chromium through the gateway: a field talent-service
 * cannot take (a team member's ORCID) is named next to it while the rest is saved; then the gateway session is deleted
 * mid-edit (its cookie, as when it expired), and the page says so in a visible alert, keeps the text
 * and drops the "saved" line; signing in again through the alert's link comes back to the draft,
 * which offers the text kept in the browser, and restoring it saves it for good.
 */
class DraftSurvivesSessionExpiryBrowserIT extends BrowserTest {

	static final String SESSION_COOKIE = "JIANGMEN_SESSION";

	@Test
	void nothingTypedIsLostWhenTheSessionExpiresMidEdit() throws Exception {
		UUID call = TalentCalls.openCall(suite);
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
		String draftUrl = Applicant.startInBrowser(browser, suite, call);

		Chromium.type(browser, "title", "可见光通信创新团队");
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#feedback .autosave-saved")));

		// one field talent-service cannot take does not reject the autosave: a person's ORCID with a
		// wrong check digit, typed before their name, is named next to its field and the rest is stored
		Chromium.type(browser, "team-0-orcid", "0000-0002-1825-0098");
		WebElement orcid = browser.findElement(By.id("team-0-orcid"));
		wait.until(driver -> "true".equals(orcid.getAttribute("aria-invalid")));
		assertThat(fieldError(orcid).getText()).as("the message next to the ORCID").contains("ORCID");
		assertThat(browser.findElements(By.cssSelector("#feedback .problems [data-field='team[0].orcid']")))
			.as("the summary names the field")
			.isNotEmpty();
		assertThat(browser.findElements(By.cssSelector("#feedback .autosave-saved"))).as("the rest was stored")
			.isNotEmpty();
		Chromium.screenshot(browser, "talent-draft-partial-save");
		assertAccessible("talent-draft-partial-save");
		// the person's name and the right ORCID: saved, and the messages go
		Chromium.type(browser, "team-0-name", "李明");
		Chromium.type(browser, "team-0-orcid", "0000-0002-1825-0097");
		wait.until(driver -> orcid.getAttribute("aria-invalid") == null
				&& driver.findElements(By.cssSelector("#feedback .problems")).isEmpty()
				&& !driver.findElements(By.cssSelector("#feedback .autosave-saved")).isEmpty());

		// the session ends while the applicant is typing
		browser.manage().deleteCookieNamed(SESSION_COOKIE);
		String typed = "会话过期之后输入的简介：面向工厂的LED可见光通信系统。";
		Chromium.type(browser, "summary", typed);
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
		assertAccessible("talent-draft-session-expired");

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
		assertAccessible("talent-draft-restore-offered");
		restore.findElement(By.cssSelector(".autosave-restore__apply")).click();
		assertThat(browser.findElement(By.id("summary")).getAttribute("value")).isEqualTo(typed);
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#feedback .autosave-saved")));

		// stored for good: a fresh page shows it from the server and offers nothing more to restore
		browser.navigate().refresh();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("application-form")));
		assertThat(browser.findElement(By.id("summary")).getAttribute("value")).isEqualTo(typed);
		assertThat(browser.findElement(By.id("title")).getAttribute("value")).isEqualTo("可见光通信创新团队");
		assertThat(browser.findElement(By.id("team-0-orcid")).getAttribute("value")).isEqualTo("0000-0002-1825-0097");
		assertThat(browser.findElement(By.id("autosave-restore")).isDisplayed()).isFalse();
	}

	/** The message the field names in aria-describedby. */
	private static WebElement fieldError(WebElement field) {
		for (String id : field.getAttribute("aria-describedby").split(" ")) {
			List<WebElement> found = browser.findElements(By.id(id));
			if (!found.isEmpty() && found.get(0).getAttribute("class").contains("field-error")) {
				return found.get(0);
			}
		}
		throw new AssertionError("no field-error described " + field.getAttribute("id"));
	}

}
