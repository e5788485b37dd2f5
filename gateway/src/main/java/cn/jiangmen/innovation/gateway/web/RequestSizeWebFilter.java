package cn.jiangmen.innovation.gateway.web;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * 413 with problem+json (or the translated page) for a body announced larger than
 * {@code jiangmen.gateway.max-request-size}, before anything reads it. Spring Cloud Gateway's
 * {@code RequestSize} filter answered an empty 413 and only after authentication.
 */
class RequestSizeWebFilter implements WebFilter {

	private final long maxBytes;

	private final EdgeErrorResponses errors;

	RequestSizeWebFilter(DataSize max, EdgeErrorResponses errors) {
		this.maxBytes = max.toBytes();
		this.errors = errors;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		long length = exchange.getRequest().getHeaders().getContentLength();
		if (length > maxBytes) {
			return errors.write(exchange, EdgeError.of(HttpStatus.CONTENT_TOO_LARGE), EdgeErrorResponses.isApi(exchange));
		}
		return chain.filter(exchange);
	}

}
