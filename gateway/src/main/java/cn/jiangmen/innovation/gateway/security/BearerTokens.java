package cn.jiangmen.innovation.gateway.security;

import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;

/** Whether a request presents a Bearer token (a machine client, not a browser session). */
final class BearerTokens {

	private BearerTokens() {
	}

	static boolean present(ServerWebExchange exchange) {
		String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
		return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
	}

}
