package cn.jiangmen.innovation.portal.web;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.FlashMap;

import static org.assertj.core.api.Assertions.assertThat;

class CookieFlashMapManagerTest {

	private final CookieFlashMapManager manager = new CookieFlashMapManager(
			new CookieFlashMapManager.FlashSettings("JIANGMEN_FLASH", "test-key", Duration.ofSeconds(60), true));

	@Test
	void whatARedirectCarriesComesBackOnceOnItsPageOnly() {
		MockHttpServletResponse redirect = save(Map.of("typed", Map.of("title", "可见光通信"), "violations",
				List.of(List.of("title", "required"))), "/talent/applications/a");
		Cookie cookie = redirect.getCookie("JIANGMEN_FLASH");
		assertThat(cookie.isHttpOnly()).isTrue();
		assertThat(cookie.getSecure()).isTrue();
		assertThat(redirect.getHeader("Set-Cookie")).contains("SameSite=Lax", "Max-Age=60");

		MockHttpServletRequest other = new MockHttpServletRequest("GET", "/talent/applications/b");
		other.setCookies(cookie);
		assertThat((Object) this.manager.retrieveAndUpdate(other, new MockHttpServletResponse())).as("another page").isNull();

		MockHttpServletRequest page = new MockHttpServletRequest("GET", "/talent/applications/a");
		page.setCookies(cookie);
		MockHttpServletResponse response = new MockHttpServletResponse();
		Map<String, Object> flash = this.manager.retrieveAndUpdate(page, response);
		assertThat(flash).isNotNull().containsEntry("typed", Map.of("title", "可见光通信"))
			.containsEntry("violations", List.of(List.of("title", "required")));
		assertThat(response.getHeader("Set-Cookie")).as("read once, then removed").contains("Max-Age=0");
	}

	@Test
	void aCookieTheServerDidNotSignIsIgnored() {
		Cookie cookie = save(Map.of("violations", List.of(List.of("title", "required"))), "/p")
			.getCookie("JIANGMEN_FLASH");
		String value = cookie.getValue();
		String forged = value.substring(0, value.indexOf('.')) + "x" + value.substring(value.indexOf('.'));
		for (String bad : List.of(forged, "not-a-flash", "a.b", "")) {
			MockHttpServletRequest page = new MockHttpServletRequest("GET", "/p");
			page.setCookies(new Cookie("JIANGMEN_FLASH", bad));
			assertThat((Object) this.manager.retrieveAndUpdate(page, new MockHttpServletResponse())).as(bad).isNull();
		}
		CookieFlashMapManager otherKey = new CookieFlashMapManager(
				new CookieFlashMapManager.FlashSettings("JIANGMEN_FLASH", "other-key", Duration.ofSeconds(60), false));
		MockHttpServletRequest page = new MockHttpServletRequest("GET", "/p");
		page.setCookies(cookie);
		assertThat((Object) otherKey.retrieveAndUpdate(page, new MockHttpServletResponse())).isNull();
	}

	@Test
	void whatDoesNotFitACookieIsDroppedNotSplit() {
		StringBuilder noise = new StringBuilder();
		java.util.Random random = new java.util.Random(7);
		for (int i = 0; i < 6000; i++) {
			noise.append((char) ('一' + random.nextInt(20000)));
		}
		MockHttpServletResponse response = save(Map.of("typed", Map.of("summary", noise.toString())), "/p");
		assertThat(response.getCookie("JIANGMEN_FLASH").getValue()).isEmpty();
	}

	private MockHttpServletResponse save(Map<String, Object> attributes, String path) {
		FlashMap flash = new FlashMap();
		flash.putAll(attributes);
		flash.setTargetRequestPath(path);
		MockHttpServletRequest post = new MockHttpServletRequest("POST", path);
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.manager.saveOutputFlashMap(flash, post, response);
		return response;
	}

}
