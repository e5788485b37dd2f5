package cn.jiangmen.innovation.systemtests;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.WebDriver;

/**
 * The shared set-up of a browser test: the running suite and one headless Chromium for the test
 * class, quit after it. Test classes run one after another in a JVM (no parallel execution), so
 * the fields belong to the class that runs.
 */
public abstract class BrowserTest {

	protected static RunningSuite suite;

	protected static WebDriver browser;

	@BeforeAll
	static void startSuiteAndBrowser() {
		suite = RunningSuite.get();
		browser = Chromium.start();
	}

	/**
	 * Fails when axe finds a WCAG 2.1 A/AA or best-practice violation on the page the browser shows
	 * ({@link Accessibility}); {@code page} names the report under {@code target/axe}.
	 */
	protected static void assertAccessible(String page) {
		Accessibility.assertAccessible(browser, page);
	}

	@AfterAll
	static void quitBrowser() {
		if (browser != null) {
			browser.quit();
			browser = null;
		}
	}

}
