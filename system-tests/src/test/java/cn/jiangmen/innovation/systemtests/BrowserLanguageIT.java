package cn.jiangmen.innovation.systemtests;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/** A real headless Chromium logs in through Keycloak and switches the portal from Chinese to English. */
class BrowserLanguageIT extends BrowserTest {

	@Test
	void logsInAndSwitchesLanguage() {
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
		Chromium.signIn(browser, suite.gatewayUrl(), "applicant1");
		assertThat(htmlLang()).isEqualTo("zh-CN");
		assertThat(browser.getTitle()).containsPattern("[\\u4e00-\\u9fff]");
		Chromium.screenshot(browser, "portal-home-zh");
		assertAccessible("portal-home-zh");

		browser.findElement(By.cssSelector("a[href*='lang=en']")).click();
		wait.until(driver -> "en".equals(htmlLang()));
		// The page's own words are English now; data (an organisation's name) stays as entered.
		assertThat(browser.getTitle()).doesNotContainPattern("[\\u4e00-\\u9fff]");
		assertThat(browser.findElement(By.tagName("nav")).getText()).doesNotContainPattern("[\\u4e00-\\u9fff]{2,}");
		Chromium.screenshot(browser, "portal-home-en");
		assertAccessible("portal-home-en");

		// The choice sticks (cookie), across pages.
		browser.get(suite.gatewayUrl() + "/applications");
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("html[lang]")));
		assertThat(htmlLang()).isEqualTo("en");
		assertAccessible("applications-en");
	}

	private static String htmlLang() {
		return browser.findElement(By.tagName("html")).getAttribute("lang");
	}

}
