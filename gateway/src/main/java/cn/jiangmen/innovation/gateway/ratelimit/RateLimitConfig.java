package cn.jiangmen.innovation.gateway.ratelimit;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.cloud.gateway.support.ConfigurationService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

/** The limiter and its key; {@code SecurityConfig} places {@link EdgeRateLimitWebFilter} in its chain. */
@Configuration(proxyBeanMethods = false)
class RateLimitConfig {

	@Bean
	JedisRateLimiter jedisRateLimiter(StringRedisTemplate redis, RateLimitProperties properties,
			ConfigurationService configurationService, MeterRegistry meters) {
		return new JedisRateLimiter(redis, JedisRateLimiter.Config.of(properties), configurationService, meters);
	}

	@Bean
	PrincipalOrIpKeyResolver principalOrIpKeyResolver(RateLimitProperties properties) {
		return new PrincipalOrIpKeyResolver(properties.trustedProxies());
	}

}
