package cn.jiangmen.innovation.platform.config;

import cn.jiangmen.innovation.platform.openapi.OpenApiDocuments;
import cn.jiangmen.innovation.platform.openapi.ProblemResponses;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** A service names itself in properties; the scheme, server and error responses come from here. */
class PlatformOpenApiAutoConfigurationTest {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(PlatformOpenApiAutoConfiguration.class))
		.withPropertyValues("spring.security.oauth2.resourceserver.jwt.issuer-uri=http://kc:8180/realms/jiangmen",
				"jiangmen.openapi.title=talent-service REST API", "jiangmen.openapi.description=Talent programmes",
				"jiangmen.openapi.version=1.2.3");

	@Test
	void infoFromPropertiesAndTheRealmsTokensRequiredEverywhere() {
		this.runner.run(context -> {
			OpenAPI api = context.getBean(OpenAPI.class);
			assertThat(api.getInfo().getTitle()).isEqualTo("talent-service REST API");
			assertThat(api.getInfo().getDescription()).isEqualTo("Talent programmes");
			assertThat(api.getInfo().getVersion()).isEqualTo("1.2.3");
			assertThat(api.getServers()).singleElement().extracting("url").isEqualTo("/");
			SecurityScheme bearer = api.getComponents().getSecuritySchemes().get(OpenApiDocuments.BEARER_SCHEME);
			assertThat(bearer.getType()).isEqualTo(SecurityScheme.Type.HTTP);
			assertThat(bearer.getBearerFormat()).isEqualTo("JWT");
			assertThat(api.getComponents().getSecuritySchemes().get(OpenApiDocuments.OIDC_SCHEME).getOpenIdConnectUrl())
				.isEqualTo("http://kc:8180/realms/jiangmen/.well-known/openid-configuration");
			assertThat(api.getSecurity()).flatExtracting(requirement -> requirement.keySet())
				.containsExactly(OpenApiDocuments.BEARER_SCHEME, OpenApiDocuments.OIDC_SCHEME);
			assertThat(context).hasSingleBean(ProblemResponses.class);
		});
	}

	@Test
	void aServiceMayPointClientsAtAnAbsoluteGatewayUrl() {
		this.runner.withPropertyValues("jiangmen.openapi.server-url=https://kj.example.cn")
			.run(context -> assertThat(context.getBean(OpenAPI.class).getServers()).singleElement()
				.extracting("url")
				.isEqualTo("https://kj.example.cn"));
	}

	@Test
	void aServiceOwnOpenApiBeanWins() {
		this.runner.withBean(OpenAPI.class, OpenAPI::new)
			.run(context -> assertThat(context.getBean(OpenAPI.class).getInfo()).isNull());
	}

}
