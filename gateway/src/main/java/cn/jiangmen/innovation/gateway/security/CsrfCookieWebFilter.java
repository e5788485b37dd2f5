package cn.jiangmen.innovation.gateway.security;

import reactor.core.publisher.Mono;

import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * The CSRF token is deferred: {@code CookieServerCsrfTokenRepository} only writes the
 * {@code XSRF-TOKEN} cookie when someone subscribes to it. Nothing in the gateway renders it, so
 * subscribe here, otherwise the portal's first POST would never have a token to send.
 */
class CsrfCookieWebFilter implements WebFilter {

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
		if (token == null || BearerTokens.present(exchange)) {
			return chain.filter(exchange);
		}
		return token.then(chain.filter(exchange));
	}

}
