package cn.jiangmen.innovation.portal.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The gateway's CSRF token, which it keeps in the JavaScript-readable cookie {@code XSRF-TOKEN}
 * and expects back, unmasked, as the {@code _csrf} form field or the {@code X-XSRF-TOKEN} header.
 */
public final class CsrfCookie {

	public static final String COOKIE = "XSRF-TOKEN";

	public static final String FORM_FIELD = "_csrf";

	public static final String HEADER = "X-XSRF-TOKEN";

	private CsrfCookie() {
	}

	/** The token of this request, or an empty string when the browser sent none. */
	public static String token(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies == null) {
			return "";
		}
		for (Cookie cookie : cookies) {
			if (COOKIE.equals(cookie.getName()) && cookie.getValue() != null) {
				return cookie.getValue();
			}
		}
		return "";
	}

	/** {@code hx-headers} for the page body, as JSON. */
	public static String htmxHeaders(String token) {
		StringBuilder json = new StringBuilder("{\"").append(HEADER).append("\":\"");
		for (char c : token.toCharArray()) {
			switch (c) {
				case '"' -> json.append("\\\"");
				case '\\' -> json.append("\\\\");
				default -> {
					if (c < 0x20) {
						json.append(String.format("\\u%04x", (int) c));
					}
					else {
						json.append(c);
					}
				}
			}
		}
		return json.append("\"}").toString();
	}

}
