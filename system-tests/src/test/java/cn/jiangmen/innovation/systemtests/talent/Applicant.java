package cn.jiangmen.innovation.systemtests.talent;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import cn.jiangmen.innovation.systemtests.Accessibility;
import cn.jiangmen.innovation.systemtests.BrowserlessUser;
import cn.jiangmen.innovation.systemtests.Chromium;
import cn.jiangmen.innovation.systemtests.RunningSuite;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/** What an applicant of 江门市光电科技有限公司 does in the portal before submitting (without and with a browser). */
public final class Applicant {

	private Applicant() {
	}

	/**
	 * Starts an application on the call through the portal, fills it in (leader 李明, born 1980-05-31;
	 * member 张华, born 1990-03-01) and uploads the three documents; returns its id.
	 */
	public static String readyApplication(BrowserlessUser applicant, UUID call) {
		HttpResponse<String> calls = applicant.get("/talent/calls");
		assertThat(calls.statusCode()).isEqualTo(200);
		assertThat(calls.body()).contains("系统测试批次 " + call.toString().substring(0, 8)).contains("剩余");

		HttpResponse<String> started = applicant.postForm("/talent/calls/" + call + "/applications", Map.of());
		assertThat(started.statusCode()).as(started.body()).isEqualTo(302);
		String location = started.headers().firstValue("Location").orElseThrow();
		String id = location.substring(location.lastIndexOf('/') + 1);

		Map<String, String> form = new LinkedHashMap<>();
		form.put("title", "可见光通信创新团队");
		form.put("category", "TEAM_RND_INDUSTRIALISATION");
		form.put("priorityField", "visible-light-communication");
		form.put("summary", "面向工厂的LED可见光通信");
		member(form, 0, "李明", "LEADER", "PROFESSOR", "1980-05-31");
		member(form, 1, "张华", "CORE_MEMBER", "ENGINEER", "1990-03-01");
		HttpResponse<String> save = applicant.postForm("/talent/applications/" + id, form);
		assertThat(save.statusCode()).as("%s %s", save.headers().map(), save.body()).isEqualTo(302);
		assertThat(save.headers().firstValue("Location").orElseThrow()).endsWith("/talent/applications/" + id + "?done=saved");
		HttpResponse<String> saved = applicant.get("/talent/applications/" + id + "?done=saved");
		assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
		// the host organisation comes from the organisation directory (Keycloak Organizations), not typed
		assertThat(saved.body()).contains("已保存").contains("江门市光电科技有限公司").contains("91440703MA4UJM0L1T");

		for (String[] doc : new String[][] { { "PROPOSAL", "申报书.pdf" }, { "CV", "简历.pdf" }, { "CONTRACT", "合同.pdf" } }) {
			HttpResponse<String> uploaded = applicant.upload("/talent/applications/" + id + "/attachments", doc[0],
					doc[1], pdf());
			assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);
			assertThat(uploaded.body()).contains("已上传：" + doc[1]);
		}
		return id;
	}

	/**
	 * In the browser: signs in as applicant1, starts an application on the call from the calls page
	 * and waits for the application form; returns the draft's address.
	 */
	public static String startInBrowser(WebDriver browser, RunningSuite suite, UUID call) {
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
		Chromium.signIn(browser, suite.gatewayUrl(), "applicant1");
		browser.get(suite.gatewayUrl() + "/talent/calls");
		WebElement start = wait.until(ExpectedConditions.elementToBeClickable(
				By.cssSelector("form[action$='/talent/calls/" + call + "/applications'] button[type=submit]")));
		Accessibility.assertAccessible(browser, "talent-calls");
		start.click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("application-form")));
		Accessibility.assertAccessible(browser, "talent-application-form-new");
		return browser.getCurrentUrl();
	}

	private static void member(Map<String, String> form, int row, String name, String role, String title,
			String birth) {
		String p = "team[" + row + "].";
		form.put(p + "name", name);
		form.put(p + "role", role);
		form.put(p + "title", title);
		form.put(p + "degree", "DOCTORATE");
		form.put(p + "birthDate", birth);
		form.put(p + "nationality", "CN");
		form.put(p + "employer", "江门市光电科技有限公司");
		form.put(p + "fullTime", "true");
	}

	public static byte[] pdf() {
		return "%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
	}

}
