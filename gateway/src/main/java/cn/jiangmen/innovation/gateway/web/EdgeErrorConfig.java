package cn.jiangmen.innovation.gateway.web;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.server.WebFilter;

import cn.jiangmen.innovation.gateway.security.OidcClientProperties;

/** The edge's own error answers; ordered before Boot's default handler (-1), which it replaces. */
@Configuration(proxyBeanMethods = false)
class EdgeErrorConfig {

	@Bean
	EdgeErrorResponses edgeErrorResponses() {
		return new EdgeErrorResponses();
	}

	/** Remembers the client's path before any gateway filter forwards the request elsewhere. */
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	WebFilter clientPathWebFilter() {
		return (exchange, chain) -> {
			exchange.getAttributes()
				.putIfAbsent(EdgeErrorResponses.CLIENT_PATH_ATTR, exchange.getRequest().getPath().value());
			return chain.filter(exchange);
		};
	}

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE + 20)
	WebFilter requestSizeWebFilter(EdgeLimitsProperties limits, EdgeErrorResponses responses) {
		return new RequestSizeWebFilter(limits.maxRequestSize(), responses);
	}

	/** 431/414 from Reactor Netty's decoder get a problem body too. */
	@Bean
	NettyServerCustomizer decodingFailureProblems(EdgeErrorResponses responses) {
		return DecodingFailureProblems.customizer(responses);
	}

	@Bean
	@Order(-2)
	EdgeErrorWebExceptionHandler edgeErrorWebExceptionHandler(EdgeErrorResponses responses,
			OidcClientProperties oidc) {
		return new EdgeErrorWebExceptionHandler(responses, "/oauth2/authorization/" + oidc.registrationId());
	}

}
