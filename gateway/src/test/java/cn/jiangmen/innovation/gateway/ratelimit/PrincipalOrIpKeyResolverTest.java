package cn.jiangmen.innovation.gateway.ratelimit;

import java.net.InetSocketAddress;
import java.security.Principal;
import java.util.List;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebExchangeDecorator;

import static org.assertj.core.api.Assertions.assertThat;

class PrincipalOrIpKeyResolverTest {

	private static ServerWebExchange exchange(MockServerHttpRequest request, Principal principal) {
		MockServerWebExchange exchange = MockServerWebExchange.from(request);
		return new ServerWebExchangeDecorator(exchange) {
			@Override
			@SuppressWarnings("unchecked")
			public <T extends Principal> Mono<T> getPrincipal() {
				return (Mono<T>) Mono.justOrEmpty(principal);
			}
		};
	}

	private static MockServerHttpRequest.BaseBuilder<?> from(String ip) {
		return MockServerHttpRequest.get("/api/talent/x").remoteAddress(new InetSocketAddress(ip, 40000));
	}

	@Test
	void authenticatedUserIsKeyedByPrincipalName() {
		var user = new TestingAuthenticationToken("bef465dc-sub", "n/a", "ROLE_applicant");
		String key = new PrincipalOrIpKeyResolver(0).resolve(exchange(from("10.1.2.3").build(), user)).block();
		assertThat(key).isEqualTo("user:bef465dc-sub");
	}

	@Test
	void anonymousCallerIsKeyedByRemoteAddress() {
		String key = new PrincipalOrIpKeyResolver(0).resolve(exchange(from("10.1.2.3").build(), null)).block();
		assertThat(key).isEqualTo("ip:10.1.2.3");
	}

	@Test
	void anonymousAuthenticationTokenCountsAsAnonymous() {
		var anonymous = new AnonymousAuthenticationToken("key", "anonymousUser",
				List.of(new SimpleGrantedAuthority("ROLE_ANONYMOUS")));
		String key = new PrincipalOrIpKeyResolver(0).resolve(exchange(from("10.1.2.3").build(), anonymous)).block();
		assertThat(key).isEqualTo("ip:10.1.2.3");
	}

	@Test
	void forwardedForIsIgnoredUnlessProxiesAreTrusted() {
		MockServerHttpRequest request = from("10.0.0.9").header("X-Forwarded-For", "203.0.113.7").build();
		assertThat(new PrincipalOrIpKeyResolver(0).resolve(exchange(request, null)).block()).isEqualTo("ip:10.0.0.9");
	}

	@Test
	void withOneTrustedProxyTheLastForwardedHopIsTheClient() {
		// a spoofed first entry is ignored; the ingress appended the real client last
		MockServerHttpRequest request = from("10.0.0.9").header("X-Forwarded-For", "1.1.1.1, 203.0.113.7").build();
		assertThat(new PrincipalOrIpKeyResolver(1).resolve(exchange(request, null)).block())
			.isEqualTo("ip:203.0.113.7");
	}

}
