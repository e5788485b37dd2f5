package cn.jiangmen.innovation.portal.config;

import cn.jiangmen.innovation.platform.web.ProblemDetailsAuthenticationHandlers;
import jakarta.servlet.DispatcherType;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * The portal is a stateless resource server behind the gateway: the gateway holds the OIDC
 * session and relays the user's access token on every request. Static resources and the probes
 * are open; every page needs a valid token, and a request without one gets 401 (the gateway
 * never lets that happen for a logged-in user). CSRF is checked at the gateway, which owns the
 * session cookie; here nothing rides on a cookie, so there is nothing to forge.
 */
@Configuration(proxyBeanMethods = false)
public class PortalSecurityConfiguration {

	static final String[] STATIC_RESOURCES = { "/css/**", "/js/**", "/images/**", "/webjars/**", "/favicon.ico" };

	static final String[] PROBES = { "/actuator/health", "/actuator/health/**", "/actuator/prometheus" };

	@Bean
	SecurityFilterChain portalSecurityFilterChain(HttpSecurity http, JwtAuthenticationConverter converter,
			ProblemDetailsAuthenticationHandlers problems) throws Exception {
		// 403 at the filter level: let the container's error dispatch render the translated page
		AccessDeniedHandler deniedPage = (request, response, denied) -> response
			.sendError(HttpStatus.FORBIDDEN.value());
		http.authorizeHttpRequests(requests -> requests
			.dispatcherTypeMatchers(DispatcherType.ERROR)
			.permitAll()
			.requestMatchers(STATIC_RESOURCES)
			.permitAll()
			.requestMatchers(PROBES)
			.permitAll()
			.requestMatchers("/error")
			.permitAll()
			.anyRequest()
			.authenticated())
			.oauth2ResourceServer(resourceServer -> resourceServer.jwt(jwt -> jwt.jwtAuthenticationConverter(converter))
				.authenticationEntryPoint(problems)
				.accessDeniedHandler(deniedPage))
			.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(deniedPage))
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.csrf(csrf -> csrf.disable());
		return http.build();
	}

}
