package cn.jiangmen.innovation.gateway.security;

import java.util.Set;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpMethod;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;

/**
 * CSRF applies to state-changing browser requests. Requests carrying a Bearer token are exempt:
 * a browser never attaches one by itself, so a forged cross-site request cannot carry it.
 */
class CsrfProtectionMatcher implements ServerWebExchangeMatcher {

	private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS,
			HttpMethod.TRACE);

	@Override
	public Mono<MatchResult> matches(ServerWebExchange exchange) {
		boolean protect = !SAFE.contains(exchange.getRequest().getMethod()) && !BearerTokens.present(exchange);
		return protect ? MatchResult.match() : MatchResult.notMatch();
	}

}
