package cn.jiangmen.innovation.funding.persistence;

import java.util.Optional;

import cn.jiangmen.innovation.funding.config.PaymentProperties;
import cn.jiangmen.innovation.funding.domain.IdempotencyReplays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * First answers in Redis (Jedis, via Spring Data Redis) under
 * {@code funding:idempotency:<database oid>:<key>}, as {@code <request hash>\n<answer JSON>}, expiring
 * after {@code jiangmen.funding.payments.replay-cache-ttl}. Any Redis failure is a miss: PostgreSQL stays
 * the record and answers instead. The database's oid is part of the key because a copy is only true of
 * the database that committed it: a database dropped and created again (restored, or a test database)
 * has a new oid, so an old copy is never replayed against it.
 */
@Repository
class RedisIdempotencyReplays implements IdempotencyReplays {

	static final String PREFIX = "funding:idempotency:";

	private static final Logger log = LoggerFactory.getLogger(RedisIdempotencyReplays.class);

	private final StringRedisTemplate redis;

	private final PaymentProperties properties;

	private final String prefix;

	RedisIdempotencyReplays(StringRedisTemplate redis, PaymentProperties properties, JdbcClient jdbc) {
		this.redis = redis;
		this.properties = properties;
		this.prefix = PREFIX
				+ jdbc.sql("select oid from pg_database where datname = current_database()").query(Long.class).single()
				+ ":";
	}

	@Override
	public Optional<Replay> find(String key) {
		try {
			String value = this.redis.opsForValue().get(this.prefix + key);
			if (value == null) {
				return Optional.empty();
			}
			int newline = value.indexOf('\n');
			return newline < 0 ? Optional.empty()
					: Optional.of(new Replay(value.substring(0, newline), value.substring(newline + 1)));
		}
		catch (RuntimeException ex) {
			log.debug("Redis replay cache unavailable, asking PostgreSQL: {}", ex.getMessage());
			return Optional.empty();
		}
	}

	@Override
	public void remember(String key, Replay replay) {
		try {
			this.redis.opsForValue()
				.set(this.prefix + key, replay.requestHash() + "\n" + replay.responseJson(), this.properties.replayCacheTtl());
		}
		catch (RuntimeException ex) {
			log.debug("Redis replay cache unavailable, the answer stays in PostgreSQL only: {}", ex.getMessage());
		}
	}

}
