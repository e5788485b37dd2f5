package cn.jiangmen.innovation.portal.web;

import jakarta.servlet.http.Cookie;

import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** POST-redirect-GET in a slice: the GET a browser makes after a failed POST, with its flash cookie. */
public final class Prg {

	public static final String COOKIE = "JIANGMEN_FLASH";

	private Prg() {
	}

	/** The redirect's GET carrying the flash cookie the POST set (asserted to be there). */
	public static MockHttpServletRequestBuilder follow(MvcResult post) {
		String location = post.getResponse().getRedirectedUrl();
		assertThat(location).as("a failed POST answers a redirect").isNotNull();
		Cookie flash = post.getResponse().getCookie(COOKIE);
		assertThat(flash).as("the redirect carries what was typed in the flash cookie").isNotNull();
		assertThat(flash.isHttpOnly()).isTrue();
		return get(location).cookie(flash);
	}

}
