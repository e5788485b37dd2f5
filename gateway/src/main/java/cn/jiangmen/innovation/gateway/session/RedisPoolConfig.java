package cn.jiangmen.innovation.gateway.session;

import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import redis.clients.jedis.Jedis;

import org.springframework.boot.data.redis.autoconfigure.DataRedisProperties;
import org.springframework.boot.data.redis.autoconfigure.JedisClientConfigurationBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * After a Redis blip the pool still holds connections whose sockets died with it: without a check
 * each of them fails one request (a 503 page for a person whose session is fine). A PING on borrow
 * costs one local round trip and lets the first request after the blip succeed.
 */
@Configuration(proxyBeanMethods = false)
class RedisPoolConfig {

	@Bean
	JedisClientConfigurationBuilderCustomizer validatePooledConnections(DataRedisProperties properties) {
		DataRedisProperties.Pool pool = properties.getJedis().getPool();
		return builder -> {
			GenericObjectPoolConfig<Jedis> config = new GenericObjectPoolConfig<>();
			config.setMaxTotal(pool.getMaxActive());
			config.setMaxIdle(pool.getMaxIdle());
			config.setMinIdle(pool.getMinIdle());
			config.setTestOnBorrow(true);
			builder.usePooling().poolConfig(config);
		};
	}

}
