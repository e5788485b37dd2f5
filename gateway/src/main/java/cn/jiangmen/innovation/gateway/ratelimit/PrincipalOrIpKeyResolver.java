package cn.jiangmen.innovation.gateway.ratelimit;

import java.net.InetSocketAddress;

import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.cloud.gateway.support.ipresolver.RemoteAddressResolver;
import org.springframework.cloud.gateway.support.ipresolver.XForwardedRemoteAddressResolver;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;

/**
 * Rate-limit key: the authenticated principal's name (OIDC/JWT {@code sub}) so a user's limit
 * follows them across devices and replicas; anonymous callers are keyed by client IP. The
 * prefixes keep a user named like an IP address from sharing a bucket with that address.
 */
public class PrincipalOrIpKeyResolver implements KeyResolver {

	public static final String IP_PREFIX = "ip:";

	private final RemoteAddressResolver addresses;

	public PrincipalOrIpKeyResolver(int trustedProxies) {
		// X-Forwarded-For is client-controlled: only trust the hops our own proxies appended
		this.addresses = (trustedProxies > 0) ? XForwardedRemoteAddressResolver.maxTrustedIndex(trustedProxies)
				: new RemoteAddressResolver() {
				};
	}

	@Override
	public Mono<String> resolve(ServerWebExchange exchange) {
		return exchange.getPrincipal()
			.filter(principal -> !(principal instanceof AnonymousAuthenticationToken))
			.map(principal -> principal.getName())
			.filter(name -> !name.isBlank())
			.map(name -> "user:" + name)
			.switchIfEmpty(Mono.fromSupplier(() -> IP_PREFIX + clientIp(exchange)));
	}

	private String clientIp(ServerWebExchange exchange) {
		InetSocketAddress address = addresses.resolve(exchange);
		if (address == null) {
			return "unknown";
		}
		return (address.getAddress() != null) ? address.getAddress().getHostAddress() : address.getHostString();
	}

}
