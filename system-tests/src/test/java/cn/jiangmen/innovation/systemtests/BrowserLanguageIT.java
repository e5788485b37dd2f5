package cn.jiangmen.innovation.systemtests;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/** A real headless Chromium logs in through Keycloak and switches the portal from Chinese to English. */
class BrowserLanguageIT {

	static RunningSuite suite;

	static WebDriver browser;

	@BeforeAll
	static void start() throws IOException {
		suite = RunningSuite.get();
		browser = startChromium();
	}

	@AfterAll
	static void stop() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void logsInAndSwitchesLanguage() throws IOException {
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
		browser.get(suite.gatewayUrl() + "/");

		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys("applicant1");
		browser.findElement(By.id("password")).sendKeys("demo");
		browser.findElement(By.id("kc-login")).click();

		wait.until(ExpectedConditions.urlMatches("^" + suite.gatewayUrl() + ".*"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("html[lang]")));
		assertThat(htmlLang()).isEqualTo("zh-CN");
		assertThat(browser.getTitle()).containsPattern("[\\u4e00-\\u9fff]");
		screenshot("portal-home-zh");

		browser.findElement(By.cssSelector("a[href*='lang=en']")).click();
		wait.until(driver -> "en".equals(htmlLang()));
		// The page's own words are English now; data (an organisation's name) stays as entered.
		assertThat(browser.getTitle()).doesNotContainPattern("[\\u4e00-\\u9fff]");
		assertThat(browser.findElement(By.tagName("nav")).getText()).doesNotContainPattern("[\\u4e00-\\u9fff]{2,}");
		screenshot("portal-home-en");

		// The choice sticks (cookie), across pages.
		browser.get(suite.gatewayUrl() + "/applications");
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("html[lang]")));
		assertThat(htmlLang()).isEqualTo("en");
	}

	private static String htmlLang() {
		return browser.findElement(By.tagName("html")).getAttribute("lang");
	}

	private static void screenshot(String name) throws IOException {
		File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
		Path target = RunningSuite.repoRoot().resolve("system-tests/target/screenshots/" + name + ".png");
		Files.createDirectories(target.getParent());
		Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
	}

	static WebDriver startChromium() throws IOException {
		String driver = System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
		String binary = System.getProperty("jiangmen.chromium", "/usr/bin/chromium");
		if (!new File(driver).canExecute() || !new File(binary).canExecute()) {
			throw new IllegalStateException("Chromium and chromedriver are needed (apt-get install chromium chromium-driver): "
					+ binary + ", " + driver);
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(binary);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--disable-dev-shm-usage", "--window-size=1280,900", "--lang=zh-CN",
				"--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(driver))
			.usingAnyFreePort()
			.build();
		return new ChromeDriver(service, options);
	}

}
