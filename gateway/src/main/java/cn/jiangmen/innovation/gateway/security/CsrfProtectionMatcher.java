package cn.jiangmen.innovation.gateway.security;

import java.util.Set;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpMethod;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;

/**
 * CSRF applies to state-changing browser requests. Exempt: requests carrying a Bearer token (a
 * browser never attaches one by itself, so a forged cross-site request cannot carry it), and API
 * calls and Keycloak's back-channel logout without a session cookie (no ambient credential a
 * forged request could ride on): those must get the 401 problem, not a 403 about a CSRF token.
 */
class CsrfProtectionMatcher implements ServerWebExchangeMatcher {

	private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS,
			HttpMethod.TRACE);

	private final String sessionCookie;

	CsrfProtectionMatcher(String sessionCookie) {
		this.sessionCookie = sessionCookie;
	}

	@Override
	public Mono<MatchResult> matches(ServerWebExchange exchange) {
		boolean protect = !SAFE.contains(exchange.getRequest().getMethod()) && !BearerTokens.present(exchange)
				&& !cookielessApiCall(exchange);
		return protect ? MatchResult.match() : MatchResult.notMatch();
	}

	private boolean cookielessApiCall(ServerWebExchange exchange) {
		String path = exchange.getRequest().getPath().pathWithinApplication().value();
		// Keycloak's back-channel logout: a server, no cookie, a signed logout token instead
		boolean machine = path.startsWith("/api/") || path.startsWith("/logout/connect/back-channel/");
		return machine && !exchange.getRequest().getCookies().containsKey(sessionCookie);
	}

}
