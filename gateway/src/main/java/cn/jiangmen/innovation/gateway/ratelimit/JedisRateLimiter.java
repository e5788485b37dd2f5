package cn.jiangmen.innovation.gateway.ratelimit;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.cloud.gateway.filter.ratelimit.AbstractRateLimiter;
import org.springframework.cloud.gateway.support.ConfigurationService;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.scripting.support.ResourceScriptSource;

import cn.jiangmen.innovation.gateway.web.ThrottledLog;

/**
 * The gateway's Redis token bucket, run through Jedis.
 * <p>
 * Spring Cloud Gateway's own {@code RedisRateLimiter} needs a reactive Redis template (Lettuce
 * only). This one runs the very same Lua script that ships in the gateway jar through a
 * blocking {@link StringRedisTemplate} on {@code boundedElastic}, so all replicas share one
 * bucket per key, computed atomically by Redis with Redis's clock. Same key layout and same
 * {@code X-RateLimit-*} headers as the original.
 */
public class JedisRateLimiter extends AbstractRateLimiter<JedisRateLimiter.Config> {

	public static final String CONFIGURATION_PROPERTY_NAME = "jedis-rate-limiter";

	public static final String REMAINING_HEADER = "X-RateLimit-Remaining";

	public static final String REPLENISH_RATE_HEADER = "X-RateLimit-Replenish-Rate";

	public static final String BURST_CAPACITY_HEADER = "X-RateLimit-Burst-Capacity";

	public static final String REQUESTED_TOKENS_HEADER = "X-RateLimit-Requested-Tokens";

	/** Prometheus: {@code jiangmen_gateway_ratelimit_unavailable_total}. */
	public static final String UNAVAILABLE_METRIC = "jiangmen.gateway.ratelimit.unavailable";

	private static final Log log = LogFactory.getLog(JedisRateLimiter.class);

	private final StringRedisTemplate redis;

	private final RedisScript<List<Long>> script;

	private final Config defaultConfig;

	private final Counter unavailable;

	private final ThrottledLog redisDown = new ThrottledLog(log, Duration.ofSeconds(30));

	public JedisRateLimiter(StringRedisTemplate redis, Config defaultConfig,
			ConfigurationService configurationService, MeterRegistry meters) {
		super(Config.class, CONFIGURATION_PROPERTY_NAME, configurationService);
		this.redis = redis;
		this.script = gatewayTokenBucketScript();
		this.defaultConfig = defaultConfig;
		this.unavailable = Counter.builder(UNAVAILABLE_METRIC)
			.description("Requests let through unlimited because Redis (the shared token bucket) was unreachable")
			.register(meters);
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	static RedisScript<List<Long>> gatewayTokenBucketScript() {
		DefaultRedisScript script = new DefaultRedisScript<>();
		script.setScriptSource(new ResourceScriptSource(new ClassPathResource("META-INF/scripts/request_rate_limiter.lua")));
		script.setResultType(List.class);
		return script;
	}

	/**
	 * One bucket per caller for the whole edge, not per route: a user (or an IP) spreading calls
	 * over four APIs gets one burst, not four. Hash tag {@code {...}}: both keys land on the same
	 * Redis Cluster slot.
	 */
	static List<String> keys(String id) {
		String prefix = "request_rate_limiter.{edge." + id + "}.";
		return List.of(prefix + "tokens", prefix + "timestamp");
	}

	@Override
	public Mono<Response> isAllowed(String routeId, String id) {
		return isAllowed(getConfig().getOrDefault(routeId, defaultConfig), id);
	}

	/** The bucket of {@code id} (e.g. {@code user:<sub>}, {@code ip:<address>}) under {@code config}. */
	public Mono<Response> isAllowed(Config config, String id) {
		// empty "now": the script then uses Redis TIME, one clock for every replica
		Object[] args = { String.valueOf(config.getReplenishRate()), String.valueOf(config.getBurstCapacity()), "",
				String.valueOf(config.getRequestedTokens()) };
		return Mono.fromCallable(() -> redis.execute(script, keys(id), args))
			.subscribeOn(Schedulers.boundedElastic())
			.map(result -> new Response(result.get(0) == 1L, headers(config, result.get(1))))
			.onErrorResume(e -> {
				// fail open (README: "Redis outage"): Bearer callers need no session, so a Redis outage
				// must not take the APIs down with it; counted and logged, at most a line per 30 s
				unavailable.increment();
				redisDown.warn("Rate limiter cannot reach Redis; letting requests through unlimited", e);
				return Mono.just(new Response(true, headers(config, -1L)));
			});
	}

	Map<String, String> headers(Config config, long tokensLeft) {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put(REMAINING_HEADER, Long.toString(tokensLeft));
		headers.put(REPLENISH_RATE_HEADER, Integer.toString(config.getReplenishRate()));
		headers.put(BURST_CAPACITY_HEADER, Long.toString(config.getBurstCapacity()));
		headers.put(REQUESTED_TOKENS_HEADER, Integer.toString(config.getRequestedTokens()));
		return headers;
	}

	/** Per-route overrides bind to {@code jedis-rate-limiter.*} filter args; otherwise the default. */
	public static class Config {

		private int replenishRate;

		private long burstCapacity;

		private int requestedTokens = 1;

		public static Config of(RateLimitProperties properties) {
			return new Config().setReplenishRate(properties.replenishRate())
				.setBurstCapacity(properties.burstCapacity())
				.setRequestedTokens(properties.requestedTokens());
		}

		public static Config anonymous(RateLimitProperties properties) {
			return new Config().setReplenishRate(properties.anonymousReplenishRate())
				.setBurstCapacity(properties.anonymousBurstCapacity())
				.setRequestedTokens(properties.requestedTokens());
		}

		public int getReplenishRate() {
			return replenishRate;
		}

		public Config setReplenishRate(int replenishRate) {
			this.replenishRate = replenishRate;
			return this;
		}

		public long getBurstCapacity() {
			return burstCapacity;
		}

		public Config setBurstCapacity(long burstCapacity) {
			this.burstCapacity = burstCapacity;
			return this;
		}

		public int getRequestedTokens() {
			return requestedTokens;
		}

		public Config setRequestedTokens(int requestedTokens) {
			this.requestedTokens = requestedTokens;
			return this;
		}

	}

}
