package cn.jiangmen.innovation.gateway.security;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;

/**
 * {@code EdgeContentSecurityPolicy}: the edge's CSP replaces the upstream's (a service's own, maybe
 * weaker policy never reaches a browser), except that an upstream {@code sandbox} directive is
 * kept: talent-service serves downloads with {@code Content-Security-Policy: sandbox}, so an HTML
 * or SVG "attachment" opened in the browser runs no script even on the suite's origin. The
 * result is the edge's directives plus the upstream's sandbox, stricter than either.
 */
public class EdgeContentSecurityPolicyGatewayFilterFactory extends AbstractGatewayFilterFactory<Object> {

	static final String CSP = "Content-Security-Policy";

	private final String edgePolicy;

	public EdgeContentSecurityPolicyGatewayFilterFactory(EdgeSecurityProperties edge) {
		this.edgePolicy = edge.contentSecurityPolicy();
	}

	@Override
	public GatewayFilter apply(Object config) {
		return (exchange, chain) -> {
			// before commit: by then the upstream's headers are copied, and Spring Security's
			// writer (registered earlier) has left them alone because a CSP was present
			exchange.getResponse().beforeCommit(() -> Mono.fromRunnable(() -> rewrite(exchange)));
			return chain.filter(exchange);
		};
	}

	private void rewrite(ServerWebExchange exchange) {
		HttpHeaders headers = exchange.getResponse().getHeaders();
		Optional<String> sandbox = sandboxDirective(headers.getOrEmpty(CSP));
		headers.set(CSP, sandbox.map(directive -> edgePolicy + "; " + directive).orElse(edgePolicy));
	}

	static Optional<String> sandboxDirective(List<String> policies) {
		return policies.stream()
			.flatMap(policy -> Arrays.stream(policy.split(";")))
			.map(String::trim)
			.filter(directive -> directive.equals("sandbox") || directive.startsWith("sandbox "))
			.findFirst();
	}

}
