package cn.jiangmen.innovation.gateway.web;

import java.net.URI;
import java.time.Duration;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

import cn.jiangmen.innovation.gateway.session.JedisReactiveSessionRepository;

/**
 * Replaces Boot's whitelabel/JSON error answer for everything the gateway itself fails on: API
 * callers get problem+json, browsers a translated page; neither ever sees a stack trace, an
 * exception class or an upstream address. Redis trouble (the session store) is a 503 with
 * {@code Retry-After}, not a 500: it is an outage to wait out, not a bug.
 */
public class EdgeErrorWebExceptionHandler implements ErrorWebExceptionHandler {

	static final Duration SESSION_STORE_RETRY_AFTER = Duration.ofSeconds(5);

	private static final Log log = LogFactory.getLog(EdgeErrorWebExceptionHandler.class);

	private final EdgeErrorResponses responses;

	private final ThrottledLog redisDown = new ThrottledLog(log, Duration.ofSeconds(30));

	private final String loginPath;

	/** @param loginPath where a browser starts a new sign-in ({@code /oauth2/authorization/keycloak}) */
	public EdgeErrorWebExceptionHandler(EdgeErrorResponses responses, String loginPath) {
		this.responses = responses;
		this.loginPath = loginPath;
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		if (exchange.getResponse().isCommitted()) {
			return Mono.error(ex);
		}
		if (signInExpired(ex)) {
			return signInAgain(exchange);
		}
		EdgeError error = classify(exchange, ex);
		Mono<Void> answer = responses.write(exchange, error, EdgeErrorResponses.isApi(exchange));
		return causedByRedis(ex) ? answer.contextWrite(Context.of(JedisReactiveSessionRepository.SKIP_SAVE, true))
				: answer;
	}

	EdgeError classify(ServerWebExchange exchange, Throwable ex) {
		if (causedByRedis(ex)) {
			redisDown.warn("Redis (session store) unavailable; answering 503 on " + exchange.getRequest().getPath(), ex);
			return EdgeError.of(HttpStatus.SERVICE_UNAVAILABLE)
				.withMessage("error.503.session-store")
				.retryAfter(SESSION_STORE_RETRY_AFTER);
		}
		if (ex instanceof ResponseStatusException status) {
			HttpStatusCode code = status.getStatusCode();
			if (code.is5xxServerError()) {
				log.warn("Answering " + code.value() + " on " + exchange.getRequest().getPath() + ": " + ex);
			}
			return EdgeError.of(code);
		}
		log.error("Unexpected failure on " + exchange.getRequest().getMethod() + " "
				+ exchange.getRequest().getPath(), ex);
		return EdgeError.of(HttpStatus.INTERNAL_SERVER_ERROR);
	}

	/**
	 * The session's access token expired and could not be refreshed (refresh token expired, or the
	 * Keycloak session ended): TokenRelay fails with an OAuth2 authorization error, which used to
	 * be a 500. An API caller gets 401; a browser signs in again (often silently, by Keycloak SSO).
	 */
	private Mono<Void> signInAgain(ServerWebExchange exchange) {
		if (EdgeErrorResponses.isApi(exchange)) {
			exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
			return responses.write(exchange, EdgeError.of(HttpStatus.UNAUTHORIZED).withMessage("error.401.sign-in-expired"),
					true);
		}
		exchange.getResponse().setStatusCode(HttpStatus.FOUND);
		exchange.getResponse().getHeaders().setLocation(URI.create(loginPath));
		return exchange.getResponse().setComplete();
	}

	static boolean signInExpired(Throwable ex) {
		for (Throwable t = ex; t != null; t = (t.getCause() == t) ? null : t.getCause()) {
			if (t instanceof OAuth2AuthorizationException) {
				return true;
			}
		}
		return false;
	}

	static boolean causedByRedis(Throwable ex) {
		for (Throwable t = ex; t != null; t = (t.getCause() == t) ? null : t.getCause()) {
			if (t instanceof DataAccessException || t.getClass().getName().startsWith("redis.clients.jedis.exceptions")) {
				return true;
			}
		}
		return false;
	}

}
