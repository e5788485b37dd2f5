package cn.jiangmen.innovation.systemtests.review;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import cn.jiangmen.innovation.systemtests.BrowserlessUser;
import cn.jiangmen.innovation.systemtests.Chromium;
import cn.jiangmen.innovation.systemtests.RunningSuite;
import cn.jiangmen.innovation.testsupport.client.HttpProbe;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The priority fields cross from project-service to the portal over gRPC: a field the admin adds
 * through the gateway's REST API is a box on the expert's profile and on the manager's talent call
 * form at the next page (the portal reads ListPriorityFields with the user's token relayed, no
 * configuration); once the admin retires it, neither offers it for a new choice.
 */
class ExpertiseFieldsBrowserIT {

	static RunningSuite suite;

	static HttpProbe api;

	@BeforeAll
	static void start() {
		suite = RunningSuite.get();
		api = new HttpProbe(suite.gatewayUrl());
	}

	@Test
	void aFieldTheAdminAddsIsOfferedOnTheExpertsProfileAndTheCallFormUntilItIsRetired() throws Exception {
		// the database is shared with the other system tests: a code of this run's own
		String code = "deep-sea-mining-" + UUID.randomUUID().toString().substring(0, 8);
		String admin = suite.infra().tokens().accessToken("admin");
		HttpProbe.Response added = api.postJson("/api/projects/fields", admin, """
				{"code":"%s","kind":"CITY","nameZh":"深海采矿装备","nameEn":"Deep-sea mining equipment"}""".formatted(code));
		assertThat(added.status()).as(added.body()).isEqualTo(201);

		BrowserlessUser expert = BrowserlessUser.signedIn(suite.gatewayUrl(), "expert1");
		HttpResponse<String> profile = expert.get("/review/profile");
		assertThat(profile.statusCode()).isEqualTo(200);
		assertThat(profile.body()).contains("value=\"" + code + "\"").contains("深海采矿装备").contains("轨道交通装备");
		BrowserlessUser manager = BrowserlessUser.signedIn(suite.gatewayUrl(), "manager");
		assertThat(manager.get("/talent/manage/calls/new").body()).contains("id=\"field-" + code + "\"");
		lookAtTheBoxesInChromium(code);

		HttpProbe.Response retired = api.postJson("/api/projects/fields/" + code + "/retirement", admin, "");
		assertThat(retired.status()).as(retired.body()).isEqualTo(200);
		assertThat(expert.get("/review/profile").body()).doesNotContain("value=\"" + code + "\"").contains("轨道交通装备");
		assertThat(manager.get("/talent/manage/calls/new").body()).doesNotContain("id=\"field-" + code + "\"");
	}

	/** The expert's boxes as a person sees them, at desktop and phone width, in both languages. */
	private static void lookAtTheBoxesInChromium(String code) {
		WebDriver browser = Chromium.start();
		try {
			WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
			Chromium.signIn(browser, suite.gatewayUrl(), "expert1");
			for (String lang : new String[] { "zh-CN", "en" }) {
				browser.manage().window().setSize(new Dimension(1280, 900));
				browser.get(suite.gatewayUrl() + "/review/profile?lang=" + lang);
				WebElement box = wait.until(
						ExpectedConditions.presenceOfElementLocated(By.cssSelector("input[name=field][value='" + code + "']")));
				JavascriptExecutor js = (JavascriptExecutor) browser;
				js.executeScript("arguments[0].closest('fieldset').scrollIntoView();", box);
				assertThat(box.findElement(By.xpath("..")).getText())
					.isEqualTo("zh-CN".equals(lang) ? "深海采矿装备" : "Deep-sea mining equipment");
				Chromium.screenshot(browser, "review-profile-fields-" + lang + "-1280");
				browser.manage().window().setSize(new Dimension(390, 844));
				js.executeScript("arguments[0].closest('fieldset').scrollIntoView();", box);
				Object overflow = js.executeScript(
						"return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
				Chromium.screenshot(browser, "review-profile-fields-" + lang + "-390");
				assertThat(((Number) overflow).intValue()).as("scrolls sideways at 390 px").isLessThanOrEqualTo(0);
			}
		}
		finally {
			browser.quit();
		}
	}

}
