package cn.jiangmen.innovation.gateway.web;

import java.time.Duration;

import org.springframework.http.HttpStatusCode;

/**
 * An answer the edge gives itself (upstream down, Redis down, a size or rate limit), before it is
 * rendered as problem+json or as a page. {@code messageKey} selects the translated detail in
 * {@code i18n/edge*.properties}; {@code retryAfter} may be null.
 */
public record EdgeError(HttpStatusCode status, String messageKey, Duration retryAfter) {

	public static EdgeError of(HttpStatusCode status) {
		return new EdgeError(status, "error." + status.value() + ".detail", null);
	}

	public EdgeError retryAfter(Duration after) {
		return new EdgeError(status, messageKey, after);
	}

	public EdgeError withMessage(String key) {
		return new EdgeError(status, key, retryAfter);
	}

}
