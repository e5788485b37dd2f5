package cn.jiangmen.innovation.systemtests;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * Every role signs in and walks its main pages, each checked by axe (WCAG 2.1 A/AA and best
 * practices) at 1280 and 390 px: the pages a role reaches from the nav without data of its own.
 * The pages that need data (a filled form, a score sheet, a batch) are checked where the browser
 * tests reach them. Keycloak's sign-in page is not the portal's and is not checked.
 */
class AccessibilityBrowserIT extends BrowserTest {

	/** Role's user → the pages they open, in the order a person would. */
	static final Map<String, List<String>> PAGES = new LinkedHashMap<>();

	static {
		PAGES.put("applicant1", List.of("/", "/applications", "/talent/calls", "/projects/calls", "/projects/proposals",
				"/funding/awards", "/funding/vouchers", "/funding/vouchers/redeemed"));
		PAGES.put("expert1", List.of("/", "/review/assignments", "/review/profile"));
		PAGES.put("manager", List.of("/", "/talent/manage/calls/new", "/review/rounds", "/review/rounds/new",
				"/project/manage/calls", "/project/manage/calls/new", "/project/manage/portfolio",
				"/finance/vouchers/issue"));
		PAGES.put("officer", List.of("/", "/finance/inbox", "/finance/batches", "/finance/recoveries",
				"/finance/recoveries/new", "/finance/budgets", "/finance/statements", "/finance/vouchers"));
		PAGES.put("approver", List.of("/", "/finance/inbox?tab=approve"));
		PAGES.put("auditor", List.of("/", "/finance/inbox?tab=rejected"));
		PAGES.put("admin", List.of("/", "/project/manage/fields"));
	}

	@TestFactory
	Stream<DynamicNode> everyRoleWalksItsMainPages() {
		return PAGES.entrySet()
			.stream()
			.map(role -> dynamicContainer(role.getKey(),
					Stream.concat(Stream.of(dynamicTest("signs in", () -> signInAs(role.getKey()))),
							role.getValue()
								.stream()
								.map(path -> dynamicTest(path, () -> check(role.getKey(), path))))));
	}

	/** A browser of the user's own: signing out through Keycloak would add pages no one checks. */
	private static void signInAs(String username) {
		browser.quit();
		browser = Chromium.start();
		Chromium.signIn(browser, suite.gatewayUrl(), username);
	}

	private static void check(String username, String path) {
		browser.get(suite.gatewayUrl() + path);
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("main h1")));
		assertThat(browser.findElements(By.cssSelector(".error-page"))).as("%s opens %s", username, path).isEmpty();
		if (!browser.findElements(By.cssSelector("[data-chart], [data-timeline]")).isEmpty()) {
			// the charts draw after the page loads: check what a person sees, not an empty box
			wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-chart] svg, [data-timeline] svg")));
		}
		String name = "walk-" + username + path.replaceAll("[^a-z0-9]+", "-").replaceAll("-$", "");
		Chromium.screenshot(browser, name);
		Accessibility.assertAccessibleAtBothWidths(browser, name);
	}

}
