package cn.jiangmen.innovation.systemtests.talent;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import cn.jiangmen.innovation.systemtests.BrowserTest;
import cn.jiangmen.innovation.systemtests.Chromium;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An applicant fills in and submits an application in a real headless Chromium: the form autosaves
 * through htmx, the documents go up through the upload form, and the submission is confirmed.
 */
class TalentBrowserIT extends BrowserTest {

	@Test
	void applicantFillsInAndSubmitsAnApplication() throws Exception {
		UUID call = TalentCalls.openCall(suite);
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
		Applicant.startInBrowser(browser, suite, call);

		type("title", "可见光通信创新团队");
		new Select(browser.findElement(By.id("category"))).selectByValue("TEAM_RND_INDUSTRIALISATION");
		new Select(browser.findElement(By.id("priorityField"))).selectByValue("visible-light-communication");
		type("summary", "面向工厂的LED可见光通信");
		member(0, "李明", "LEADER", "PROFESSOR", "1980-05-31");
		member(1, "张华", "CORE_MEMBER", "ENGINEER", "1990-03-01");

		// Autosave: htmx posts the form a second after a change and shows when it was saved.
		try {
			wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#feedback time")));
		}
		catch (org.openqa.selenium.TimeoutException ex) {
			throw new AssertionError("No autosave confirmation; feedback was: "
					+ browser.findElement(By.id("feedback")).getAttribute("outerHTML") + "\nbody class: "
					+ browser.findElement(By.tagName("body")).getAttribute("hx-headers"), ex);
		}
		finally {
			Chromium.screenshot(browser, "talent-application-autosaved");
		}
		assertAccessible("talent-application-autosaved");

		Path pdf = Files.createTempFile("申报书", ".pdf");
		Files.writeString(pdf, "%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n", StandardCharsets.US_ASCII);
		for (String kind : new String[] { "PROPOSAL", "CV", "CONTRACT" }) {
			new Select(browser.findElement(By.id("upload-kind"))).selectByValue(kind);
			browser.findElement(By.id("upload-file")).sendKeys(pdf.toString());
			int before = browser.findElements(By.cssSelector("#attachments tbody tr")).size();
			browser.findElement(By.cssSelector("#upload-form button[type=submit]")).click();
			wait.until(driver -> driver.findElements(By.cssSelector("#attachments tbody tr")).size() > before);
		}

		// submitting goes through "check your answers", then answers with a printable receipt
		browser.findElement(By.cssSelector("a[href$='/review']")).click();
		wait.until(ExpectedConditions.urlContains("/review"));
		assertThat(browser.findElement(By.tagName("main")).getText()).contains("检查您的申报", "可见光通信创新团队", "李明");
		Chromium.screenshot(browser, "talent-application-check-your-answers");
		assertAccessible("talent-application-check-your-answers");
		browser.findElement(By.cssSelector("form[action$='/submit'] button[type=submit]")).click();
		wait.until(ExpectedConditions.urlContains("/receipt"));
		assertThat(browser.findElement(By.tagName("main")).getText()).contains("已提交", "申报提交回执", "申报编号", "JM-");
		Chromium.screenshot(browser, "talent-application-submitted");
		assertAccessible("talent-application-submitted");
	}

	private static void type(String id, String text) {
		WebElement field = browser.findElement(By.id(id));
		field.clear();
		field.sendKeys(text);
	}

	private static void member(int row, String name, String role, String title, String birthDate) {
		String prefix = "team[" + row + "].";
		WebElement nameField = browser.findElement(By.name(prefix + "name"));
		nameField.clear();
		nameField.sendKeys(name);
		new Select(browser.findElement(By.name(prefix + "role"))).selectByValue(role);
		new Select(browser.findElement(By.name(prefix + "title"))).selectByValue(title);
		new Select(browser.findElement(By.name(prefix + "degree"))).selectByValue("DOCTORATE");
		// A date input takes typed digits in the browser's locale order; set it as a script would.
		((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
				"arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change', {bubbles: true}));",
				browser.findElement(By.name(prefix + "birthDate")), birthDate);
		WebElement nationality = browser.findElement(By.name(prefix + "nationality"));
		nationality.clear();
		nationality.sendKeys("CN");
		WebElement employer = browser.findElement(By.name(prefix + "employer"));
		employer.clear();
		employer.sendKeys("江门市光电科技有限公司");
		new Select(browser.findElement(By.name(prefix + "fullTime"))).selectByValue("true");
	}

}
