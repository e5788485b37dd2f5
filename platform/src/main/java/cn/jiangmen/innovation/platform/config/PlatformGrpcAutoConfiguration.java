package cn.jiangmen.innovation.platform.config;

import cn.jiangmen.innovation.platform.grpc.BearerTokenClientInterceptor;
import cn.jiangmen.innovation.platform.grpc.BlankBearerTokenInterceptor;
import cn.jiangmen.innovation.platform.grpc.GrpcAccessLog;
import cn.jiangmen.innovation.platform.grpc.GrpcStatusMapper;
import cn.jiangmen.innovation.platform.grpc.ServiceAccountTokens;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.grpc.client.GlobalClientInterceptor;
import org.springframework.grpc.server.GlobalServerInterceptor;
import org.springframework.grpc.server.security.AuthenticationProcessInterceptor;
import org.springframework.grpc.server.security.GrpcSecurity;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;

/**
 * gRPC defaults: every method needs a valid realm token except health and reflection; errors
 * map to rich statuses; outgoing calls carry a bearer token.
 */
// After Boot's OAuth2 client auto-configuration: the service-account beans are conditional on its
// ClientRegistrationRepository, which must exist when the condition is evaluated.
@AutoConfiguration(after = PlatformSecurityAutoConfiguration.class,
		afterName = "org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientAutoConfiguration",
		beforeName = {
		"org.springframework.boot.grpc.server.autoconfigure.security.GrpcServerOAuth2ResourceServerAutoConfiguration",
		"org.springframework.boot.grpc.server.autoconfigure.security.GrpcServerSecurityAutoConfiguration" })
@ConditionalOnClass(GrpcSecurity.class)
public class PlatformGrpcAutoConfiguration {

	/**
	 * Only health is open (probes carry no token). Reflection lists every method of the service, so
	 * it needs a token like any call: {@code grpcurl -H "authorization: Bearer $TOKEN" ... list}.
	 */
	static final String[] OPEN_METHODS = { "grpc.health.v1.Health/*" };

	// Named so as not to clash with Boot's own "grpcSecurity" bean (STACK.md pitfall 3).
	@Bean
	@GlobalServerInterceptor
	@ConditionalOnBean(JwtDecoder.class)
	@ConditionalOnMissingBean(AuthenticationProcessInterceptor.class)
	AuthenticationProcessInterceptor jiangmenGrpcAuthentication(GrpcSecurity grpc, JwtDecoder jwtDecoder,
			JwtAuthenticationConverter converter) throws Exception {
		return grpc
			.authorizeRequests(requests -> requests.methods(OPEN_METHODS).permitAll().allRequests().authenticated())
			.oauth2ResourceServer(
					resourceServer -> resourceServer.jwt(jwt -> jwt.decoder(jwtDecoder).jwtAuthenticationConverter(converter)))
			.build();
	}

	/** Runs before authentication, which would answer an empty bearer token with UNKNOWN. */
	@Bean
	@GlobalServerInterceptor
	@Order(GrpcSecurity.AUTHENTICATION_PROCESS_ORDER - 1)
	@ConditionalOnBean(JwtDecoder.class)
	BlankBearerTokenInterceptor blankBearerTokenInterceptor() {
		return new BlankBearerTokenInterceptor();
	}

	// innermost: inside the server observation's scope, so its line carries the trace id
	@Bean
	@GlobalServerInterceptor
	@Order(Ordered.LOWEST_PRECEDENCE)
	GrpcAccessLog grpcAccessLog() {
		return new GrpcAccessLog();
	}

	@Bean
	@ConditionalOnMissingBean
	GrpcStatusMapper grpcStatusMapper() {
		return new GrpcStatusMapper();
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean({ ClientRegistrationRepository.class, OAuth2AuthorizedClientService.class })
	ServiceAccountTokens serviceAccountTokens(ClientRegistrationRepository registrations,
			OAuth2AuthorizedClientService clients) {
		AuthorizedClientServiceOAuth2AuthorizedClientManager manager = new AuthorizedClientServiceOAuth2AuthorizedClientManager(
				registrations, clients);
		manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder().clientCredentials().build());
		return new ServiceAccountTokens((OAuth2AuthorizedClientManager) manager);
	}

	@Bean
	@GlobalClientInterceptor
	@ConditionalOnBean(ServiceAccountTokens.class)
	BearerTokenClientInterceptor bearerTokenClientInterceptor(ServiceAccountTokens serviceAccountTokens) {
		return new BearerTokenClientInterceptor(serviceAccountTokens);
	}

}
