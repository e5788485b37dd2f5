package cn.jiangmen.innovation.portal.config;

import cn.jiangmen.innovation.platform.grpc.BearerTokenClientInterceptor;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.grpc.client.GlobalClientInterceptor;

/**
 * Every outgoing gRPC call carries the signed-in user's access token (relayed by the gateway),
 * through platform's interceptor. The portal never acts on its own behalf, so there is no
 * service-account fallback: a call without a user goes out without a token and is refused by the
 * service, which the page shows as "unavailable".
 */
@Configuration(proxyBeanMethods = false)
public class GrpcClientConfiguration {

	@Bean
	@GlobalClientInterceptor
	BearerTokenClientInterceptor bearerTokenClientInterceptor() {
		return new BearerTokenClientInterceptor(() -> null);
	}

}
