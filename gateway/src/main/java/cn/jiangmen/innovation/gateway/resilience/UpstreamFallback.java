package cn.jiangmen.innovation.gateway.resilience;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import cn.jiangmen.innovation.gateway.web.EdgeError;
import cn.jiangmen.innovation.gateway.web.EdgeErrorResponses;
import cn.jiangmen.innovation.gateway.web.ThrottledLog;

/**
 * Where each route's circuit breaker forwards when its service is down, too slow, or the breaker
 * is open: {@code forward:/_gateway/fallback/api} (problem+json) or {@code .../page} (the
 * translated page; problem+json for a script asking for JSON). Handled inside the gateway, so it
 * answers even when every upstream is gone. A timeout is 504, anything else 503 with Retry-After.
 */
@Configuration(proxyBeanMethods = false)
class UpstreamFallback {

	static final Duration RETRY_AFTER = Duration.ofSeconds(10);

	private static final Log log = LogFactory.getLog(UpstreamFallback.class);

	private final ThrottledLog upstreamDown = new ThrottledLog(log, Duration.ofSeconds(30));

	@Bean
	RouterFunction<ServerResponse> upstreamFallbackRoutes(EdgeErrorResponses responses) {
		return RouterFunctions.route(RequestPredicates.path("/_gateway/fallback/api"),
				request -> fallback(request, responses, true))
			.andRoute(RequestPredicates.path("/_gateway/fallback/page"), request -> fallback(request, responses, false));
	}

	private Mono<ServerResponse> fallback(ServerRequest request, EdgeErrorResponses responses, boolean api) {
		Throwable cause = request.exchange().getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
		if (!(cause instanceof CallNotPermittedException)) {
			upstreamDown.warn("Upstream failed, answering the fallback for " + request.exchange()
				.getAttributeOrDefault(ServerWebExchangeUtils.GATEWAY_PREDICATE_MATCHED_PATH_ROUTE_ID_ATTR, "?"), cause);
		}
		EdgeError error = timedOut(cause) ? EdgeError.of(HttpStatus.GATEWAY_TIMEOUT)
				: EdgeError.of(HttpStatus.SERVICE_UNAVAILABLE).retryAfter(RETRY_AFTER);
		return responses.response(request.exchange(), error, api);
	}

	static boolean timedOut(Throwable cause) {
		for (Throwable t = cause; t != null; t = (t.getCause() == t) ? null : t.getCause()) {
			if (t instanceof TimeoutException || t instanceof org.springframework.cloud.gateway.support.TimeoutException) {
				return true;
			}
		}
		return false;
	}

}
