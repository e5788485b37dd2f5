package cn.jiangmen.innovation.funding.persistence;

import java.util.Optional;

import cn.jiangmen.innovation.funding.config.PaymentProperties;
import cn.jiangmen.innovation.funding.domain.IdempotencyReplays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Repository;

/**
 * First answers in Redis (Jedis, via Spring Data Redis) under {@code funding:idempotency:<key>}, as
 * {@code <request hash>\n<answer JSON>}, expiring after {@code jiangmen.funding.payments.replay-cache-ttl}.
 * Any Redis failure is a miss: PostgreSQL stays the record and answers instead.
 */
@Repository
class RedisIdempotencyReplays implements IdempotencyReplays {

	static final String PREFIX = "funding:idempotency:";

	private static final Logger log = LoggerFactory.getLogger(RedisIdempotencyReplays.class);

	private final StringRedisTemplate redis;

	private final PaymentProperties properties;

	RedisIdempotencyReplays(StringRedisTemplate redis, PaymentProperties properties) {
		this.redis = redis;
		this.properties = properties;
	}

	@Override
	public Optional<Replay> find(String key) {
		try {
			String value = this.redis.opsForValue().get(PREFIX + key);
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
				.set(PREFIX + key, replay.requestHash() + "\n" + replay.responseJson(), this.properties.replayCacheTtl());
		}
		catch (RuntimeException ex) {
			log.debug("Redis replay cache unavailable, the answer stays in PostgreSQL only: {}", ex.getMessage());
		}
	}

}
