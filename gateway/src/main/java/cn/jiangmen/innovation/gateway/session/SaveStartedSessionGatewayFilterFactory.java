package cn.jiangmen.innovation.gateway.session;

import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.web.server.WebSession;

/**
 * {@code SaveStartedSession}: Spring Cloud Gateway's {@code SaveSession}, but only for a session
 * that holds something. {@code SaveSession} saves every request's session, so each Bearer call
 * wrote an empty session to Redis (30 min of garbage per call) and, with Redis down, failed with
 * a 500 although a Bearer call needs no session at all. Saving before routing still matters for
 * browser sessions: the upstream call must not race a refreshed token that is not stored yet.
 */
public class SaveStartedSessionGatewayFilterFactory extends AbstractGatewayFilterFactory<Object> {

	@Override
	public GatewayFilter apply(Object config) {
		return (exchange, chain) -> exchange.getSession()
			.filter(WebSession::isStarted)
			.flatMap(WebSession::save)
			.then(Mono.defer(() -> chain.filter(exchange)));
	}

}
