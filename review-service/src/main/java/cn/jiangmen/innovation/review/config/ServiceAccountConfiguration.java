package cn.jiangmen.innovation.review.config;

import cn.jiangmen.innovation.platform.grpc.ServiceAccountTokens;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;

/**
 * The service account's tokens for calls no user makes (the outbox relay). Platform declares the
 * same bean conditionally on the OAuth2 client beans, but its auto-configuration is evaluated
 * before Boot's OAuth2 client auto-configuration, so the condition never matches and the relay's
 * calls went out without a token (OutboxRelayIT showed it). Declared here as application
 * configuration, it exists, and platform's {@code BearerTokenClientInterceptor} (conditional on
 * it) is then registered. Remove once platform orders itself after the OAuth2 client
 * auto-configuration.
 */
@Configuration(proxyBeanMethods = false)
class ServiceAccountConfiguration {

	@Bean
	ServiceAccountTokens serviceAccountTokens(ClientRegistrationRepository registrations,
			OAuth2AuthorizedClientService clients) {
		AuthorizedClientServiceOAuth2AuthorizedClientManager manager = new AuthorizedClientServiceOAuth2AuthorizedClientManager(
				registrations, clients);
		manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder().clientCredentials().build());
		return new ServiceAccountTokens(manager);
	}

}
