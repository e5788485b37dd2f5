package cn.jiangmen.innovation.systemtests;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by its chromedriver (no driver download), signed in the way a
 * person signs in: Keycloak's own login form, reached through the gateway.
 */
public final class Chromium {

	private Chromium() {
	}

	public static WebDriver start() {
		String driver = System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
		String binary = System.getProperty("jiangmen.chromium", "/usr/bin/chromium");
		if (!new File(driver).canExecute() || !new File(binary).canExecute()) {
			throw new IllegalStateException(
					"Chromium and chromedriver are needed (apt-get install chromium chromium-driver): " + binary + ", "
							+ driver);
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(binary);
		try {
			options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
					"--disable-background-networking", "--disable-component-update", "--disable-sync",
					"--disable-dev-shm-usage", "--window-size=1280,900", "--lang=zh-CN",
					"--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(driver))
			.usingAnyFreePort()
			.build();
		return new ChromeDriver(service, options);
	}

	/** Opens the gateway, signs in on Keycloak's form and waits until the portal page is back. */
	public static void signIn(WebDriver browser, String gatewayUrl, String username) {
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
		browser.get(gatewayUrl + "/");
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
		logIn(browser, username);
		wait.until(ExpectedConditions.urlMatches("^" + gatewayUrl + ".*"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("html[lang]")));
	}

	/**
	 * Fills Keycloak's login page as a person does. With Keycloak Organizations on, the login is
	 * identity-first: the username may be asked alone, then the password on a page of its own.
	 */
	public static void logIn(WebDriver browser, String username) {
		browser.findElement(By.id("username")).sendKeys(username);
		List<WebElement> password = browser.findElements(By.id("password"));
		if (!password.isEmpty()) {
			password.get(0).sendKeys("demo");
		}
		browser.findElement(By.id("kc-login")).click();
		if (password.isEmpty()) {
			new WebDriverWait(browser, Duration.ofSeconds(30))
				.until(ExpectedConditions.visibilityOfElementLocated(By.id("password")))
				.sendKeys("demo");
			browser.findElement(By.id("kc-login")).click();
		}
	}

	/**
	 * Types into a field (cleared first) and leaves it with Tab, as a person does: the change event
	 * that starts an autosave fires.
	 */
	public static void type(WebDriver browser, String id, String text) {
		WebElement field = browser.findElement(By.id(id));
		((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", field);
		field.clear();
		field.sendKeys(text);
		field.sendKeys(Keys.TAB);
	}

	/** Saves a screenshot under system-tests/target/screenshots, for a person to look at. */
	public static void screenshot(WebDriver browser, String name) {
		File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
		Path target = RunningSuite.repoRoot().resolve("system-tests/target/screenshots/" + name + ".png");
		try {
			Files.createDirectories(target.getParent());
			Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
