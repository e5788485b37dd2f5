package cn.jiangmen.innovation.systemtests.talent;

import java.time.Duration;
import java.util.UUID;

import cn.jiangmen.innovation.systemtests.BrowserTest;
import cn.jiangmen.innovation.systemtests.Chromium;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application form after the GOV.UK patterns, in a real headless Chromium through the gateway:
 * saving it with a wrong answer (no script needed: the Save button posts the whole form) lands, after
 * a redirect, on the form with the error summary focused and linking to the field, the field marked
 * with aria-invalid and described by its message; a reload posts nothing again; the page has no
 * sideways scrolling at 1280 and 390 px.
 */
class ApplicationFormErrorsBrowserIT extends BrowserTest {

	@Test
	void aFailedSaveLandsOnTheSummaryLinkedToTheFieldAndTheFormFitsThePage() throws Exception {
		UUID call = TalentCalls.openCall(suite);
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
		browser.manage().window().setSize(new Dimension(1280, 900));
		String draftUrl = Applicant.startInBrowser(browser, suite, call);
		assertThat(horizontalOverflow()).as("no sideways scrolling at 1280 px").isLessThanOrEqualTo(0L);

		// a person with an ORCID whose check digit is wrong, then Save (a whole-page POST)
		set("title", "可见光通信创新团队");
		set("team-0-name", "李明");
		set("team-0-orcid", "0000-0002-1825-0098");
		WebElement save = browser.findElement(By.cssSelector("#application-form button[type=submit]"));
		((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", save);
		save.click();

		// POST-redirect-GET: back on the form's own address, the summary focused
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("error-summary")));
		assertThat(browser.getCurrentUrl()).isEqualTo(draftUrl);
		wait.until(driver -> "error-summary".equals(
				((JavascriptExecutor) driver).executeScript("return document.activeElement && document.activeElement.id;")));
		WebElement link = browser.findElement(By.cssSelector("#error-summary a[href='#team-0-orcid']"));
		assertThat(link.getText()).contains("ORCID");
		WebElement orcid = browser.findElement(By.id("team-0-orcid"));
		assertThat(orcid.getAttribute("value")).as("what was typed is still there").isEqualTo("0000-0002-1825-0098");
		assertThat(orcid.getAttribute("aria-invalid")).isEqualTo("true");
		assertThat(orcid.getAttribute("aria-describedby")).contains("error-team-0-orcid");
		assertThat(browser.findElement(By.id("error-team-0-orcid")).getText()).isNotBlank();
		Chromium.screenshot(browser, "talent-form-errors-1280");
		assertAccessible("talent-form-errors-1280");
		link.click();
		assertThat(((JavascriptExecutor) browser).executeScript("return document.activeElement.id;"))
			.as("the summary's link moves to the field")
			.isEqualTo("team-0-orcid");
		Chromium.screenshot(browser, "talent-form-error-field-1280");

		browser.manage().window().setSize(new Dimension(390, 844));
		((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
		assertThat(horizontalOverflow()).as("no sideways scrolling at 390 px").isLessThanOrEqualTo(0L);
		Chromium.screenshot(browser, "talent-form-errors-390");
		assertAccessible("talent-form-errors-390");
		((JavascriptExecutor) browser).executeScript("document.getElementById('team-0').scrollIntoView()");
		Chromium.screenshot(browser, "talent-form-team-390");

		// a reload is a GET of the form: nothing is posted again, the summary (read once) is gone
		browser.navigate().refresh();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("application-form")));
		assertThat(browser.getCurrentUrl()).isEqualTo(draftUrl);
		assertThat(browser.findElements(By.id("error-summary"))).isEmpty();
		assertThat(horizontalOverflow()).isLessThanOrEqualTo(0L);
		browser.manage().window().setSize(new Dimension(1280, 900));
	}

	private static void set(String id, String text) {
		WebElement field = browser.findElement(By.id(id));
		((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", field);
		field.clear();
		field.sendKeys(text);
	}

	private static long horizontalOverflow() {
		return (Long) ((JavascriptExecutor) browser).executeScript(
				"return document.scrollingElement.scrollWidth - document.scrollingElement.clientWidth;");
	}

}
