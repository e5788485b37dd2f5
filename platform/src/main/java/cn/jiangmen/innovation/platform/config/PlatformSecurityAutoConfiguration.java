package cn.jiangmen.innovation.platform.config;

import java.util.Arrays;

import cn.jiangmen.innovation.platform.security.JwtDecoders;
import cn.jiangmen.innovation.platform.security.JwtSecurityProperties;
import cn.jiangmen.innovation.platform.security.KeycloakRealmRoleConverter;
import cn.jiangmen.innovation.platform.web.ProblemDetailsAuthenticationHandlers;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;

import tools.jackson.databind.json.JsonMapper;

/**
 * Every servlet service is a stateless resource server for tokens issued by the realm to the
 * {@code jiangmen-api} audience. CSRF is off here because no browser session reaches a service:
 * the gateway holds the session and guards it against CSRF.
 */
@AutoConfiguration(beforeName = {
		"org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerAutoConfiguration",
		"org.springframework.boot.security.oauth2.server.resource.autoconfigure.web.OAuth2ResourceServerWebSecurityAutoConfiguration",
		"org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
		"org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
		"org.springframework.boot.grpc.server.autoconfigure.security.GrpcServerOAuth2ResourceServerAutoConfiguration",
		"org.springframework.boot.grpc.server.autoconfigure.security.GrpcServerSecurityAutoConfiguration" })
@ConditionalOnWebApplication(type = Type.SERVLET)
@EnableConfigurationProperties(JwtSecurityProperties.class)
@EnableMethodSecurity
public class PlatformSecurityAutoConfiguration {

	static final String[] PUBLIC_PATHS = { "/actuator/health", "/actuator/health/**", "/actuator/info",
			"/actuator/prometheus", "/swagger-ui.html", "/swagger-ui/**", "/error" };

	/**
	 * The OpenAPI document is public like the gateway serves it: it describes how to get a token,
	 * so a client must be able to read it before it has one. Its path is springdoc's setting
	 * ({@code /api/<service>/v3/api-docs} in the services), so exactly that path is opened.
	 */
	static String[] publicPaths(String apiDocsPath) {
		String[] paths = Arrays.copyOf(PUBLIC_PATHS, PUBLIC_PATHS.length + 2);
		paths[PUBLIC_PATHS.length] = apiDocsPath;
		paths[PUBLIC_PATHS.length + 1] = apiDocsPath + "/**";
		return paths;
	}

	@Bean
	@ConditionalOnMissingBean
	JwtDecoder jwtDecoder(@Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri}") String issuerUri,
			JwtSecurityProperties properties) {
		return JwtDecoders.forIssuer(issuerUri, properties);
	}

	@Bean
	@ConditionalOnMissingBean
	JwtAuthenticationConverter jwtAuthenticationConverter() {
		JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
		converter.setJwtGrantedAuthoritiesConverter(new KeycloakRealmRoleConverter());
		converter.setPrincipalClaimName("preferred_username");
		return converter;
	}

	@Bean
	@ConditionalOnMissingBean
	ProblemDetailsAuthenticationHandlers problemDetailsAuthenticationHandlers(JsonMapper jsonMapper) {
		return new ProblemDetailsAuthenticationHandlers(jsonMapper);
	}

	@Bean
	@ConditionalOnMissingBean(SecurityFilterChain.class)
	SecurityFilterChain apiSecurityFilterChain(HttpSecurity http, JwtAuthenticationConverter converter,
			ProblemDetailsAuthenticationHandlers problems,
			@Value("${springdoc.api-docs.path:/v3/api-docs}") String apiDocsPath) throws Exception {
		http.authorizeHttpRequests(requests -> requests.requestMatchers(publicPaths(apiDocsPath))
			.permitAll()
			.anyRequest()
			.authenticated())
			.oauth2ResourceServer(resourceServer -> resourceServer
				.jwt(jwt -> jwt.jwtAuthenticationConverter(converter))
				.authenticationEntryPoint(problems)
				.accessDeniedHandler(problems))
			.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable());
		return http.build();
	}

}
