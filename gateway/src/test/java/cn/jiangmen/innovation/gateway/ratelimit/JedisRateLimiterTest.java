package cn.jiangmen.innovation.gateway.ratelimit;

import cn.jiangmen.innovation.testsupport.TestRedis;
import java.util.UUID;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter.Response;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.jedis.JedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** The token bucket against a real Redis (the machine's, else an embedded one: TestRedis), no mocks. */
class JedisRateLimiterTest {

	static JedisConnectionFactory connections;

	static StringRedisTemplate redis;

	@BeforeAll
	static void connect() {
		connections = new JedisConnectionFactory(new RedisStandaloneConfiguration(TestRedis.host(), TestRedis.port()));
		connections.afterPropertiesSet();
		connections.start();
		redis = new StringRedisTemplate(connections);
	}

	@AfterAll
	static void disconnect() {
		connections.destroy();
	}

	/**
	 * The script counts in whole seconds of Redis TIME, so a second may tick between two calls
	 * and refill {@code replenishRate} tokens. Tests therefore request many tokens per call at
	 * 1 token/s: a refused call stays refused for far longer than the test runs.
	 */
	private static JedisRateLimiter limiter(int replenishRate, long burst, int requested) {
		return new JedisRateLimiter(redis, new JedisRateLimiter.Config().setReplenishRate(replenishRate)
			.setBurstCapacity(burst)
			.setRequestedTokens(requested), null, new SimpleMeterRegistry());
	}

	@Test
	void allowsTheBurstThenRefusesWithHeaders() {
		JedisRateLimiter limiter = limiter(1, 300, 100);
		String route = "route";
		// buckets are per caller only (Redis keeps them between runs): a fresh caller per test
		String run = UUID.randomUUID().toString();
		for (int i = 0; i < 3; i++) {
			Response response = limiter.isAllowed(route, "user:a" + run).block();
			assertThat(response.isAllowed()).isTrue();
			// 200, 100, 0 left (plus at most a few refilled tokens if seconds ticked)
			assertThat(Long.parseLong(response.getHeaders().get("X-RateLimit-Remaining"))).isBetween(200L - 100 * i,
					205L - 100 * i);
		}
		Response refused = limiter.isAllowed(route, "user:a" + run).block();
		assertThat(refused.isAllowed()).isFalse();
		assertThat(refused.getHeaders()).containsEntry("X-RateLimit-Replenish-Rate", "1")
			.containsEntry("X-RateLimit-Burst-Capacity", "300")
			.containsEntry("X-RateLimit-Requested-Tokens", "100");
		assertThat(Long.parseLong(refused.getHeaders().get("X-RateLimit-Remaining"))).isLessThan(100);
	}

	@Test
	void keysAreSeparatePerUserAndExpireInRedis() {
		JedisRateLimiter limiter = limiter(1, 100, 100);
		String route = "route";
		// buckets are per caller only (Redis keeps them between runs): a fresh caller per test
		String run = UUID.randomUUID().toString();
		assertThat(limiter.isAllowed(route, "user:a" + run).block().isAllowed()).isTrue();
		assertThat(limiter.isAllowed(route, "user:a" + run).block().isAllowed()).isFalse();
		assertThat(limiter.isAllowed(route, "user:b" + run).block().isAllowed()).isTrue();

		String tokensKey = JedisRateLimiter.keys("user:a" + run).get(0);
		assertThat(redis.hasKey(tokensKey)).isTrue();
		assertThat(redis.getExpire(tokensKey)).isPositive();
	}

	@Test
	void oneBucketPerCallerAcrossRoutes() {
		JedisRateLimiter limiter = limiter(1, 100, 100);
		String user = "user:e" + UUID.randomUUID();
		assertThat(limiter.isAllowed("talent-api", user).block().isAllowed()).isTrue();
		// the burst is spent, whichever route the next call takes
		assertThat(limiter.isAllowed("review-api", user).block().isAllowed()).isFalse();
	}

	@Test
	void replicasShareOneBucket() {
		// two gateway replicas = two limiter instances over the same Redis
		JedisRateLimiter replicaA = limiter(1, 100, 50);
		JedisRateLimiter replicaB = limiter(1, 100, 50);
		String route = "route";
		// buckets are per caller only (Redis keeps them between runs): a fresh caller per test
		String run = UUID.randomUUID().toString();
		assertThat(replicaA.isAllowed(route, "ip:10.0.0.1" + run).block().isAllowed()).isTrue();
		assertThat(replicaB.isAllowed(route, "ip:10.0.0.1" + run).block().isAllowed()).isTrue();
		assertThat(replicaA.isAllowed(route, "ip:10.0.0.1" + run).block().isAllowed()).isFalse();
		assertThat(replicaB.isAllowed(route, "ip:10.0.0.1" + run).block().isAllowed()).isFalse();
	}

	@Test
	void tokensRefillOverTime() throws InterruptedException {
		JedisRateLimiter limiter = limiter(1, 2, 2);
		String route = "route";
		// buckets are per caller only (Redis keeps them between runs): a fresh caller per test
		String run = UUID.randomUUID().toString();
		assertThat(limiter.isAllowed(route, "user:c" + run).block().isAllowed()).isTrue();
		assertThat(limiter.isAllowed(route, "user:c" + run).block().isAllowed()).isFalse();
		// 1 token/s in whole seconds of Redis TIME: after 3 s both tokens are back
		Thread.sleep(3100);
		assertThat(limiter.isAllowed(route, "user:c" + run).block().isAllowed()).isTrue();
	}

	@Test
	void failsOpenWhenRedisIsUnreachable() {
		JedisConnectionFactory nowhere = new JedisConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", 1));
		nowhere.afterPropertiesSet();
		nowhere.start();
		try {
			SimpleMeterRegistry meters = new SimpleMeterRegistry();
			JedisRateLimiter limiter = new JedisRateLimiter(new StringRedisTemplate(nowhere),
					new JedisRateLimiter.Config().setReplenishRate(1).setBurstCapacity(1), null, meters);
			Response response = limiter.isAllowed("route", "user:d").block();
			assertThat(response.isAllowed()).isTrue();
			assertThat(response.getHeaders()).containsEntry("X-RateLimit-Remaining", "-1");
			limiter.isAllowed("route", "user:d").block();
			// an outage is visible: one count per request let through unlimited
			assertThat(meters.counter(JedisRateLimiter.UNAVAILABLE_METRIC).count()).isEqualTo(2.0);
		}
		finally {
			nowhere.destroy();
		}
	}

}
