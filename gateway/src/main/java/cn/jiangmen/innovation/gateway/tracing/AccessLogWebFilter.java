package cn.jiangmen.innovation.gateway.tracing;

import io.micrometer.observation.Observation;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * One DEBUG line per request (method, path, status, milliseconds) written inside the request's
 * trace, so it carries the trace id that the portal and the services log too. The line is written
 * when the exchange completes, on whatever thread that is: the request's observation is taken from
 * the Reactor context and opened around the log call, which puts its trace id in the MDC.
 */
@Component
class AccessLogWebFilter implements WebFilter, Ordered {

	private static final Logger log = LoggerFactory.getLogger(AccessLogWebFilter.class);

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (!log.isDebugEnabled()) {
			return chain.filter(exchange);
		}
		long begin = System.nanoTime();
		return Mono.deferContextual(context -> {
			Observation observation = context.getOrDefault(ObservationThreadLocalAccessor.KEY, null);
			return chain.filter(exchange).doFinally(signal -> {
				Runnable line = () -> log.debug("{} {} -> {} in {} ms", exchange.getRequest().getMethod(),
						exchange.getRequest().getPath().value(), exchange.getResponse().getStatusCode(),
						(System.nanoTime() - begin) / 1_000_000);
				if (observation != null) {
					observation.scoped(line);
				}
				else {
					line.run();
				}
			});
		});
	}

	/** Outermost of the gateway's own filters, so the time covers security and routing. */
	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
