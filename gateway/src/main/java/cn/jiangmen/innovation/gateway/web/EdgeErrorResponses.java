package cn.jiangmen.innovation.gateway.web;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.HtmlUtils;

/**
 * Renders an {@link EdgeError}: RFC 9457 problem+json for {@code /api/**} and for clients that ask
 * for JSON, otherwise a small translated HTML page (a person in a browser, or htmx swapping it in).
 * Title and detail follow {@code Accept-Language} (zh-CN default, en). Never echoes internals.
 */
public final class EdgeErrorResponses {

	/** The RFC 9457 body; {@code instance} may be null (unknown). */
	String problemJson(EdgeError error, Locale locale, String instance) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", "about:blank");
		body.put("title", title(error, locale));
		body.put("status", error.status().value());
		body.put("detail", detail(error, locale));
		if (instance != null) {
			body.put("instance", instance);
		}
		return JSON.writeValueAsString(body);
	}

	/** The path as the client sent it; the circuit breakers' forward to the fallback changes the request's. */
	public static final String CLIENT_PATH_ATTR = EdgeErrorResponses.class.getName() + ".clientPath";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

	private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

	public EdgeErrorResponses() {
		messages.setBasename("i18n/edge");
		messages.setDefaultEncoding("UTF-8");
		// edge.properties is the zh-CN text: never fall back to the JVM's own locale
		messages.setFallbackToSystemLocale(false);
	}

	public static boolean isApi(ServerWebExchange exchange) {
		return exchange.getRequest().getPath().pathWithinApplication().value().startsWith("/api/");
	}

	/** Writes the answer on the exchange's response; nothing if the response is already on its way. */
	public Mono<Void> write(ServerWebExchange exchange, EdgeError error, boolean api) {
		ServerHttpResponse response = exchange.getResponse();
		if (response.isCommitted()) {
			return Mono.empty();
		}
		Rendered rendered = render(exchange, error, api);
		response.setStatusCode(error.status());
		// a failed redirect (e.g. to the login page) must not keep its Location
		response.getHeaders().remove(HttpHeaders.LOCATION);
		response.getHeaders().addAll(rendered.headers());
		response.getHeaders().setContentLength(rendered.body().length);
		return response.writeWith(Mono.just(response.bufferFactory().wrap(rendered.body())));
	}

	/** The same answer for a functional endpoint (the circuit breakers' fallback). */
	public Mono<ServerResponse> response(ServerWebExchange exchange, EdgeError error, boolean api) {
		Rendered rendered = render(exchange, error, api);
		return ServerResponse.status(error.status()).headers(h -> h.addAll(rendered.headers())).bodyValue(rendered.body());
	}

	String title(EdgeError error, Locale locale) {
		String fallback = (error.status() instanceof HttpStatus known) ? known.getReasonPhrase()
				: Integer.toString(error.status().value());
		return messages.getMessage("error." + error.status().value() + ".title", null, fallback, locale);
	}

	String detail(EdgeError error, Locale locale) {
		return messages.getMessage(error.messageKey(), null, title(error, locale), locale);
	}

	private Rendered render(ServerWebExchange exchange, EdgeError error, boolean api) {
		Locale locale = EdgeLanguage.of(exchange);
		String title = title(error, locale);
		String detail = detail(error, locale);
		HttpHeaders headers = new HttpHeaders();
		headers.setContentLanguage(locale);
		headers.setCacheControl("no-store");
		headers.add(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
		if (error.retryAfter() != null) {
			headers.set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, error.retryAfter().toSeconds())));
		}
		if (api || prefersJson(exchange)) {
			headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
			return new Rendered(problemJson(error, locale, originalPath(exchange)).getBytes(StandardCharsets.UTF_8),
					headers);
		}
		headers.setContentType(HTML);
		String home = messages.getMessage("page.home", null, "/", locale);
		String page = """
				<!DOCTYPE html>
				<html lang="%s">
				<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
				<title>%s</title></head>
				<body><main><h1>%s</h1><p>%s</p><p><a href="/">%s</a></p></main></body>
				</html>
				""".formatted(locale.toLanguageTag(), HtmlUtils.htmlEscape(title), HtmlUtils.htmlEscape(title),
				HtmlUtils.htmlEscape(detail), HtmlUtils.htmlEscape(home));
		return new Rendered(page.getBytes(StandardCharsets.UTF_8), headers);
	}

	/** The path the client asked for, also after the gateway forwarded to its fallback. */
	private static String originalPath(ServerWebExchange exchange) {
		return exchange.getAttributeOrDefault(CLIENT_PATH_ATTR, exchange.getRequest().getPath().value());
	}

	/** A script asking for JSON (and not HTML) gets problem+json even on a portal route. */
	private static boolean prefersJson(ServerWebExchange exchange) {
		List<MediaType> accept;
		try {
			accept = exchange.getRequest().getHeaders().getAccept();
		}
		catch (InvalidMediaTypeException malformed) {
			return false;
		}
		boolean json = accept.stream()
			.anyMatch(type -> !type.isWildcardSubtype() && (type.isCompatibleWith(MediaType.APPLICATION_JSON)
					|| type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)));
		boolean html = accept.stream().anyMatch(type -> !type.isWildcardType() && type.includes(MediaType.TEXT_HTML));
		return json && !html;
	}

	private record Rendered(byte[] body, HttpHeaders headers) {
	}

}
