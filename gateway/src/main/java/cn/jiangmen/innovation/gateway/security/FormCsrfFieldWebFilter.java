package cn.jiangmen.innovation.gateway.security;

import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import cn.jiangmen.innovation.gateway.web.EdgeError;
import cn.jiangmen.innovation.gateway.web.EdgeErrorResponses;

/**
 * Lets plain HTML forms (no JavaScript) pass CSRF without losing their body on the way to the
 * portal.
 * <p>
 * Spring Security would read a {@code _csrf} form field through {@code exchange.getFormData()},
 * which consumes the request body: the proxied request would then reach the portal empty. So
 * the gateway resolves the CSRF token from the {@code X-XSRF-TOKEN} header only, and this
 * filter (placed before the CSRF filter) copies {@code _csrf} of a small urlencoded form into
 * that header while buffering the body so it can be replayed, byte for byte, to the upstream.
 * Multipart uploads are not buffered: they must send the header (htmx: {@code hx-headers}).
 */
class FormCsrfFieldWebFilter implements WebFilter {

	static final int MAX_FORM_BYTES = 256 * 1024;

	private final String headerName;

	private final String parameterName;

	private final EdgeErrorResponses errors;

	FormCsrfFieldWebFilter(String headerName, String parameterName, EdgeErrorResponses errors) {
		this.headerName = headerName;
		this.parameterName = parameterName;
		this.errors = errors;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (!applies(exchange.getRequest())) {
			return chain.filter(exchange);
		}
		return DataBufferUtils.join(exchange.getRequest().getBody(), MAX_FORM_BYTES)
			.map(FormCsrfFieldWebFilter::drain)
			.defaultIfEmpty(new byte[0])
			.flatMap(body -> chain.filter(replay(exchange, body)))
			.onErrorResume(DataBufferLimitException.class, e -> errors.write(exchange,
					EdgeError.of(HttpStatus.CONTENT_TOO_LARGE), EdgeErrorResponses.isApi(exchange)));
	}

	private boolean applies(ServerHttpRequest request) {
		HttpMethod method = request.getMethod();
		MediaType contentType = request.getHeaders().getContentType();
		return (HttpMethod.POST.equals(method) || HttpMethod.PUT.equals(method) || HttpMethod.PATCH.equals(method)
				|| HttpMethod.DELETE.equals(method))
				&& contentType != null && MediaType.APPLICATION_FORM_URLENCODED.isCompatibleWith(contentType)
				&& request.getHeaders().getFirst("Authorization") == null
				// Keycloak's logout token: Spring Security reads it with getFormData(), which a
				// buffered and replayed body would leave empty
				&& !request.getPath().pathWithinApplication().value().startsWith("/logout/connect/back-channel/");
	}

	private ServerWebExchange replay(ServerWebExchange exchange, byte[] body) {
		ServerHttpRequest request = exchange.getRequest();
		Charset charset = request.getHeaders().getContentType().getCharset();
		String token = findField(new String(body, StandardCharsets.ISO_8859_1),
				charset != null ? charset : StandardCharsets.UTF_8);
		// Forms that already send the header (htmx) are buffered too: the replayable body is what
		// reaches the upstream intact (streaming it straight through cut htmx autosaves short)
		ServerHttpRequest withHeader = (token == null || request.getHeaders().containsHeader(headerName)) ? request
				: request.mutate().header(headerName, token).build();
		ServerHttpRequest replaying = new ServerHttpRequestDecorator(withHeader) {
			@Override
			public Flux<DataBuffer> getBody() {
				// a fresh buffer per subscription: the body may be read (e.g. retried) again
				return Flux.defer(() -> Flux.just(exchange.getResponse().bufferFactory().wrap(body)));
			}
		};
		return exchange.mutate().request(replaying).build();
	}

	/** Finds {@code _csrf=...}; the urlencoded body is ASCII, decoding uses the declared charset. */
	String findField(String urlencoded, Charset charset) {
		for (String pair : urlencoded.split("&")) {
			int eq = pair.indexOf('=');
			String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), charset);
			if (parameterName.equals(name)) {
				return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), charset);
			}
		}
		return null;
	}

	private static byte[] drain(DataBuffer buffer) {
		try {
			byte[] bytes = new byte[buffer.readableByteCount()];
			buffer.read(bytes);
			return bytes;
		}
		finally {
			DataBufferUtils.release(buffer);
		}
	}

}
