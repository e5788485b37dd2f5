package cn.jiangmen.innovation.gateway.session;

import reactor.core.publisher.Mono;

import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.server.WebSession;

/**
 * Saves a started session when the handlers are done but before the response commits. WebFlux
 * otherwise saves it while committing, outside every error handler: with Redis down, the login
 * redirect of a newcomer (its saved request and PKCE state live in the session) became Reactor
 * Netty's bare 500. Saved here, the failure reaches the edge's error handler (a translated 503).
 * Routed responses are already committed here; {@code SaveStartedSession} saved those before routing.
 */
class SaveSessionBeforeCommitWebFilter implements WebFilter {

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return chain.filter(exchange)
			.then(Mono.defer(() -> exchange.getResponse().isCommitted() ? Mono.empty()
					: exchange.getSession().filter(WebSession::isStarted).flatMap(WebSession::save)));
	}

}
