package cn.jiangmen.innovation.platform.config;

import java.time.Clock;

import cn.jiangmen.innovation.platform.grpc.ServiceAccountTokens;
import cn.jiangmen.innovation.platform.organisation.KeycloakOrganisationDirectory;
import cn.jiangmen.innovation.platform.organisation.OrganisationDirectory;
import cn.jiangmen.innovation.platform.organisation.OrganisationDirectoryProperties;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;

import tools.jackson.databind.json.JsonMapper;

/**
 * The organisation directory every service and the portal inject: Keycloak's Organizations, read
 * with the {@code jiangmen-directory} service account (a registration of its own, so the
 * realm-management role it needs never rides on the {@code jiangmen-services} tokens that are
 * relayed between services).
 */
@AutoConfiguration(after = PlatformWebAutoConfiguration.class,
		afterName = "org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientAutoConfiguration")
@EnableConfigurationProperties(OrganisationDirectoryProperties.class)
@ConditionalOnProperty(prefix = "jiangmen.organisation-directory", name = "admin-url")
public class PlatformOrganisationAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean({ ClientRegistrationRepository.class, OAuth2AuthorizedClientService.class })
	OrganisationDirectory organisationDirectory(OrganisationDirectoryProperties properties,
			ClientRegistrationRepository registrations, OAuth2AuthorizedClientService clients, JsonMapper json,
			ObjectProvider<Clock> clock) {
		AuthorizedClientServiceOAuth2AuthorizedClientManager manager = new AuthorizedClientServiceOAuth2AuthorizedClientManager(
				registrations, clients);
		manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder().clientCredentials().build());
		return new KeycloakOrganisationDirectory(properties,
				new ServiceAccountTokens(manager, properties.clientRegistration()), json,
				clock.getIfAvailable(Clock::systemUTC));
	}

}
