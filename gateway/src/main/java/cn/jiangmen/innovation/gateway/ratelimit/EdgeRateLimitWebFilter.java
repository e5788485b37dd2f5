package cn.jiangmen.innovation.gateway.ratelimit;

import java.time.Duration;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import cn.jiangmen.innovation.gateway.web.EdgeError;
import cn.jiangmen.innovation.gateway.web.EdgeErrorResponses;

/**
 * The edge's rate limit, inside Spring Security's chain once the caller is known and before
 * access is decided: so anonymous requests (refused with 401 or sent to the login page, which a
 * route filter never sees) are limited too, per client IP, and a signed-in user has one bucket
 * for all routes. A refusal is 429 with {@code Retry-After} and problem+json (the translated page
 * for a browser). Kubernetes probes are never limited.
 */
public class EdgeRateLimitWebFilter implements WebFilter {

	private final JedisRateLimiter limiter;

	private final PrincipalOrIpKeyResolver keys;

	private final JedisRateLimiter.Config users;

	private final JedisRateLimiter.Config anonymous;

	private final EdgeErrorResponses errors;

	public EdgeRateLimitWebFilter(JedisRateLimiter limiter, PrincipalOrIpKeyResolver keys,
			RateLimitProperties properties, EdgeErrorResponses errors) {
		this.limiter = limiter;
		this.keys = keys;
		this.users = JedisRateLimiter.Config.of(properties);
		this.anonymous = JedisRateLimiter.Config.anonymous(properties);
		this.errors = errors;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (exchange.getRequest().getPath().pathWithinApplication().value().startsWith("/actuator/health")) {
			return chain.filter(exchange);
		}
		return keys.resolve(exchange).flatMap(key -> {
			JedisRateLimiter.Config config = key.startsWith(PrincipalOrIpKeyResolver.IP_PREFIX) ? anonymous : users;
			return limiter.isAllowed(config, key).flatMap(response -> {
				exchange.getResponse().getHeaders().setAll(response.getHeaders());
				if (response.isAllowed()) {
					return chain.filter(exchange);
				}
				return errors.write(exchange, EdgeError.of(HttpStatus.TOO_MANY_REQUESTS).retryAfter(retryAfter(config)),
						EdgeErrorResponses.isApi(exchange));
			});
		});
	}

	/** Whole seconds until the bucket holds one request's tokens again. */
	static Duration retryAfter(JedisRateLimiter.Config config) {
		long seconds = (config.getRequestedTokens() + config.getReplenishRate() - 1) / config.getReplenishRate();
		return Duration.ofSeconds(Math.max(1, seconds));
	}

}
