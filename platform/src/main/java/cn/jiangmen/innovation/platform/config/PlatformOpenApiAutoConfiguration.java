package cn.jiangmen.innovation.platform.config;

import cn.jiangmen.innovation.platform.openapi.OpenApiDocuments;
import cn.jiangmen.innovation.platform.openapi.OpenApiProperties;
import cn.jiangmen.innovation.platform.openapi.ProblemResponses;
import io.swagger.v3.oas.models.OpenAPI;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * One OpenAPI setup for every service that has springdoc on its classpath: info from
 * {@code jiangmen.openapi.*}, the realm's bearer tokens applied to every operation, the server,
 * and the problem+json error responses. A service sets only its title, description, version and
 * {@code springdoc.api-docs.path} ({@code /api/<service>/v3/api-docs}, so the gateway's API route
 * serves it unchanged).
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = Type.SERVLET)
@ConditionalOnClass({ OpenAPI.class, org.springdoc.core.customizers.OpenApiCustomizer.class })
@EnableConfigurationProperties(OpenApiProperties.class)
public class PlatformOpenApiAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	OpenAPI jiangmenOpenApi(OpenApiProperties properties,
			@Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri}") String issuerUri) {
		return OpenApiDocuments.base(properties, issuerUri);
	}

	@Bean
	ProblemResponses problemResponses() {
		return new ProblemResponses();
	}

}
