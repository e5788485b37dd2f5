package cn.jiangmen.innovation.gateway.security;

import org.springframework.context.annotation.Bean;

import cn.jiangmen.innovation.gateway.ratelimit.EdgeRateLimitWebFilter;
import cn.jiangmen.innovation.gateway.ratelimit.JedisRateLimiter;
import cn.jiangmen.innovation.gateway.ratelimit.PrincipalOrIpKeyResolver;
import cn.jiangmen.innovation.gateway.ratelimit.RateLimitProperties;
import cn.jiangmen.innovation.gateway.session.OidcBackChannelSessionLogoutHandler;
import cn.jiangmen.innovation.gateway.session.RedisOidcSessionRegistry;
import cn.jiangmen.innovation.gateway.session.SessionProperties;
import cn.jiangmen.innovation.gateway.web.EdgeErrorResponses;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.oidc.web.server.logout.OidcClientInitiatedServerLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.server.DefaultServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.server.WebSessionServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.DelegatingServerAuthenticationEntryPoint;
import org.springframework.security.web.server.DelegatingServerAuthenticationEntryPoint.DelegateEntry;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.logout.WebSessionServerLogoutHandler;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

/**
 * Who may pass the edge. Browsers: OIDC login (code + PKCE) with the session in Redis.
 * Machine clients: a Bearer JWT, validated here and forwarded unchanged. {@code /api/**}
 * never redirects: without credentials it answers 401 problem+json.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
public class SecurityConfig {

	static final String CSRF_HEADER = "X-XSRF-TOKEN";

	static final String CSRF_FORM_FIELD = "_csrf";

	/** Spring Security's endpoint; Keycloak's {@code backchannel.logout.url} for the gateway client. */
	static final String BACK_CHANNEL_LOGOUT = "/logout/connect/back-channel/**";

	/**
	 * The services' OpenAPI documents, public like the services serve them: a document says how to
	 * get a token, so a machine client reads it before it has one; it holds no data. Exactly these
	 * four paths, GET only: everything else under {@code /api/**} still needs a token.
	 */
	static final String[] API_DOCS = { "/api/talent/v3/api-docs", "/api/review/v3/api-docs",
			"/api/projects/v3/api-docs", "/api/funding/v3/api-docs" };

	@Bean
	ReactiveClientRegistrationRepository clientRegistrationRepository(OidcClientProperties oidc) {
		return new LazyOidcClientRegistrationRepository(oidc);
	}

	/**
	 * Authorized clients (access + refresh token) live in the web session, hence in Redis: any
	 * replica can relay the token. Boot's default keeps them in one JVM's memory.
	 */
	@Bean
	ServerOAuth2AuthorizedClientRepository authorizedClientRepository() {
		return new WebSessionServerOAuth2AuthorizedClientRepository();
	}

	/** {@code EdgeContentSecurityPolicy} in application.yml's default filters. */
	@Bean
	EdgeContentSecurityPolicyGatewayFilterFactory edgeContentSecurityPolicyGatewayFilterFactory(
			EdgeSecurityProperties edge) {
		return new EdgeContentSecurityPolicyGatewayFilterFactory(edge);
	}

	@Bean
	SecurityWebFilterChain edgeSecurityFilterChain(ServerHttpSecurity http,
			ReactiveClientRegistrationRepository registrations, ServerOAuth2AuthorizedClientRepository authorizedClients,
			ReactiveJwtAuthenticationConverterAdapter jwtAuthenticationConverter, OidcClientProperties oidc,
			EdgeSecurityProperties edge, SessionProperties session, JedisRateLimiter limiter,
			PrincipalOrIpKeyResolver rateLimitKeys, RateLimitProperties rateLimits, EdgeErrorResponses errors,
			RedisOidcSessionRegistry oidcSessions, OidcBackChannelSessionLogoutHandler backChannelLogout) {
		// machine-facing paths: never a login redirect, always a 401/403 problem
		ServerWebExchangeMatcher api = ServerWebExchangeMatchers.pathMatchers("/api/**", "/actuator/**");
		ApiAuthenticationEntryPoint apiEntryPoint = new ApiAuthenticationEntryPoint();
		ApiAccessDeniedHandler accessDenied = new ApiAccessDeniedHandler();

		DelegatingServerAuthenticationEntryPoint entryPoint = new DelegatingServerAuthenticationEntryPoint(
				new DelegateEntry(api, apiEntryPoint));
		entryPoint.setDefaultEntryPoint(
				new RedirectServerAuthenticationEntryPoint("/oauth2/authorization/" + oidc.registrationId()));

		DefaultServerOAuth2AuthorizationRequestResolver pkce = new DefaultServerOAuth2AuthorizationRequestResolver(
				registrations);
		// PKCE even though the client is confidential (OAuth 2.1 / BCP: protects the code)
		pkce.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());

		OidcClientInitiatedServerLogoutSuccessHandler logoutSuccess = new OidcClientInitiatedServerLogoutSuccessHandler(
				registrations);
		logoutSuccess.setPostLogoutRedirectUri("{baseUrl}/");

		CookieServerCsrfTokenRepository csrfTokens = CookieServerCsrfTokenRepository.withHttpOnlyFalse();
		csrfTokens.setHeaderName(CSRF_HEADER);
		csrfTokens.setParameterName(CSRF_FORM_FIELD);
		// the SPA setup: the raw cookie value is what the portal echoes back, so no XOR masking
		ServerCsrfTokenRequestAttributeHandler csrfHandler = new ServerCsrfTokenRequestAttributeHandler();

		http.authorizeExchange(exchanges -> exchanges
			.pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/info")
			.permitAll()
			// lists upstream URLs and traffic: for the scraper (service account) and operators only
			.pathMatchers("/actuator/prometheus")
			.hasAnyRole("service", "admin")
			// whatever else under /actuator would fall through to the portal's own actuator
			.pathMatchers("/actuator/**")
			.denyAll()
			.pathMatchers("/webjars/**", "/css/**", "/js/**", "/images/**", "/favicon.ico")
			.permitAll()
			// Keycloak's server-to-server call: authenticated by the signed logout token itself
			.pathMatchers(BACK_CHANNEL_LOGOUT)
			.permitAll()
			.pathMatchers(HttpMethod.GET, API_DOCS)
			.permitAll()
			.matchers(api)
			.authenticated()
			.anyExchange()
			.authenticated())
			.oauth2Login(login -> login.authorizationRequestResolver(pkce).authorizedClientRepository(authorizedClients))
			.oauth2ResourceServer(rs -> rs.jwt(jwt -> jwt.jwtAuthenticationConverter(jwtAuthenticationConverter))
				.authenticationEntryPoint(apiEntryPoint)
				.accessDeniedHandler(accessDenied))
			.exceptionHandling(ex -> ex.authenticationEntryPoint(entryPoint).accessDeniedHandler(accessDenied))
			// a session ended at Keycloak ends here too, on every replica (sessions and registry in Redis)
			.oidcLogout(oidcLogout -> oidcLogout.oidcSessionRegistry(oidcSessions)
				.backChannel(backChannel -> backChannel.logoutHandler(backChannelLogout)))
			.logout(logout -> logout.logoutHandler(handlers -> handlers.add(new WebSessionServerLogoutHandler()))
				.logoutSuccessHandler(logoutSuccess))
			.csrf(csrf -> csrf.csrfTokenRepository(csrfTokens)
				.accessDeniedHandler(accessDenied)
				.csrfTokenRequestHandler(csrfHandler)
				.requireCsrfProtectionMatcher(new CsrfProtectionMatcher(session.cookieName())))
			.addFilterBefore(new FormCsrfFieldWebFilter(CSRF_HEADER, CSRF_FORM_FIELD, errors), SecurityWebFiltersOrder.CSRF)
			.addFilterAfter(new CsrfCookieWebFilter(), SecurityWebFiltersOrder.CSRF)
			// the caller is known here (session, Bearer or anonymous) and nothing is decided yet
			.addFilterBefore(new EdgeRateLimitWebFilter(limiter, rateLimitKeys, rateLimits, errors),
					SecurityWebFiltersOrder.EXCEPTION_TRANSLATION)
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(edge.contentSecurityPolicy()))
				.hsts(hsts -> hsts.maxAge(edge.hstsMaxAge()).includeSubdomains(true))
				.contentTypeOptions(Customizer.withDefaults())
				.frameOptions(frame -> frame.mode(XFrameOptionsServerHttpHeadersWriter.Mode.DENY))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
				.permissionsPolicy(permissions -> permissions.policy(edge.permissionsPolicy())));
		return http.build();
	}

}
