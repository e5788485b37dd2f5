package cn.jiangmen.innovation.platform.config;

import cn.jiangmen.innovation.platform.grpc.BearerTokenClientInterceptor;
import cn.jiangmen.innovation.platform.grpc.GrpcStatusMapper;
import cn.jiangmen.innovation.platform.grpc.ServiceAccountTokens;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Calls no user makes (outbox relays, schedulers) must carry the service account's token: the
 * beans that provide it depend on Boot's OAuth2 client configuration, whatever order the
 * auto-configurations are listed in.
 */
class PlatformGrpcAutoConfigurationTest {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(PlatformGrpcAutoConfiguration.class, OAuth2ClientAutoConfiguration.class))
		.withPropertyValues("spring.security.oauth2.client.registration.jiangmen-services.provider=keycloak",
				"spring.security.oauth2.client.registration.jiangmen-services.client-id=jiangmen-services",
				"spring.security.oauth2.client.registration.jiangmen-services.client-secret=s",
				"spring.security.oauth2.client.registration.jiangmen-services.authorization-grant-type=client_credentials",
				"spring.security.oauth2.client.provider.keycloak.token-uri=http://localhost:1/token");

	@Test
	void serviceAccountTokensAndTheClientInterceptorExistWhenTheRegistrationIsConfigured() {
		this.runner.run(context -> {
			assertThat(context).hasSingleBean(ServiceAccountTokens.class);
			assertThat(context).hasSingleBean(BearerTokenClientInterceptor.class);
			assertThat(context).hasSingleBean(GrpcStatusMapper.class);
		});
	}

	@Test
	void withoutARegistrationThereIsNoServiceAccount() {
		new WebApplicationContextRunner().withConfiguration(AutoConfigurations.of(PlatformGrpcAutoConfiguration.class))
			.run(context -> assertThat(context).doesNotHaveBean(ServiceAccountTokens.class));
	}

}
