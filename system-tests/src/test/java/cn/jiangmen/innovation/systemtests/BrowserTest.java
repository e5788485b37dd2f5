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

	@AfterAll
	static void quitBrowser() {
		if (browser != null) {
			browser.quit();
			browser = null;
		}
	}

}
