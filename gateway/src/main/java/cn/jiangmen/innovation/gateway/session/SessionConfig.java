package cn.jiangmen.innovation.gateway.session;

import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.RedisTemplate;
import org.springframework.data.redis.serializer.JdkSerializationRedisSerializer;
import org.springframework.data.redis.serializer.StringRedisSerializer;
import org.springframework.session.FlushMode;
import org.springframework.session.SaveMode;
import org.springframework.session.config.annotation.web.server.EnableSpringWebSession;
import org.springframework.session.data.redis.RedisSessionRepository;
import org.springframework.web.server.session.CookieWebSessionIdResolver;
import org.springframework.web.server.session.WebSessionIdResolver;

/**
 * WebFlux sessions in Redis through Jedis, so any gateway replica can serve any browser
 * (security context, OAuth2 authorized clients and the login request all live in it).
 */
@Configuration(proxyBeanMethods = false)
@EnableSpringWebSession
public class SessionConfig {

	@Bean
	RedisSessionRepository redisSessionRepository(RedisConnectionFactory connectionFactory,
			SessionProperties properties) {
		RedisSessionRepository repository = new RedisSessionRepository(serializingTemplate(connectionFactory));
		repository.setDefaultMaxInactiveInterval(properties.timeout());
		repository.setRedisKeyNamespace(properties.namespace());
		repository.setFlushMode(FlushMode.ON_SAVE);
		// write only changed attributes: concurrent requests of one browser do not clobber each other
		repository.setSaveMode(SaveMode.ON_SET_ATTRIBUTE);
		return repository;
	}

	/**
	 * Keycloak session to gateway sessions, shared by all replicas (back-channel logout). Kept as
	 * long as Keycloak's longest SSO session could last.
	 */
	@Bean
	RedisOidcSessionRegistry oidcSessionRegistry(RedisConnectionFactory connectionFactory, SessionProperties properties) {
		return new RedisOidcSessionRegistry(serializingTemplate(connectionFactory), properties.namespace() + ":oidc",
				Duration.ofHours(24));
	}

	@Bean
	OidcBackChannelSessionLogoutHandler oidcBackChannelSessionLogoutHandler(RedisOidcSessionRegistry registry,
			JedisReactiveSessionRepository sessions) {
		return new OidcBackChannelSessionLogoutHandler(registry, sessions);
	}

	private static RedisTemplate<String, Object> serializingTemplate(RedisConnectionFactory connectionFactory) {
		RedisTemplate<String, Object> template = new RedisTemplate<>();
		template.setConnectionFactory(connectionFactory);
		template.setKeySerializer(new StringRedisSerializer());
		template.setHashKeySerializer(new StringRedisSerializer());
		// attributes (SecurityContext, OAuth2AuthorizedClient, ...) are Serializable
		template.setValueSerializer(new JdkSerializationRedisSerializer(SessionConfig.class.getClassLoader()));
		template.setHashValueSerializer(new JdkSerializationRedisSerializer(SessionConfig.class.getClassLoader()));
		template.afterPropertiesSet();
		return template;
	}

	@Bean
	JedisReactiveSessionRepository reactiveSessionRepository(RedisSessionRepository redisSessionRepository) {
		return new JedisReactiveSessionRepository(redisSessionRepository);
	}

	/** Outside Spring Security's chain (-100), so it sees the session as the login redirect left it. */
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE + 10)
	SaveSessionBeforeCommitWebFilter saveSessionBeforeCommitWebFilter() {
		return new SaveSessionBeforeCommitWebFilter();
	}

	/** {@code SaveStartedSession} in application.yml's default filters. */
	@Bean
	SaveStartedSessionGatewayFilterFactory saveStartedSessionGatewayFilterFactory() {
		return new SaveStartedSessionGatewayFilterFactory();
	}

	/**
	 * SameSite=Lax: the OIDC callback from Keycloak is a top-level cross-site GET and must still
	 * carry the session cookie (it holds the authorization request and PKCE verifier).
	 */
	@Bean
	WebSessionIdResolver webSessionIdResolver(SessionProperties properties) {
		CookieWebSessionIdResolver resolver = new CookieWebSessionIdResolver();
		resolver.setCookieName(properties.cookieName());
		resolver.addCookieInitializer(cookie -> cookie.httpOnly(true)
			.sameSite("Lax")
			.path("/")
			.secure(properties.secureCookie()));
		return resolver;
	}

}
