package cn.jiangmen.innovation.gateway.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Token bucket per signed-in user across all routes: {@code replenishRate} tokens per second, at
 * most {@code burstCapacity} saved up, {@code requestedTokens} per request. Anonymous requests
 * (no session, no valid Bearer token) have a bucket per client IP with their own rates: one
 * address may be a whole university behind NAT.
 * {@code trustedProxies}: how many reverse proxies (ingress) in front of the gateway append to
 * {@code X-Forwarded-For}; 0 means use the TCP peer address.
 */
@ConfigurationProperties("jiangmen.gateway.rate-limit")
public record RateLimitProperties(
		@DefaultValue("20") int replenishRate,
		@DefaultValue("40") long burstCapacity,
		@DefaultValue("1") int requestedTokens,
		@DefaultValue("20") int anonymousReplenishRate,
		@DefaultValue("40") long anonymousBurstCapacity,
		@DefaultValue("0") int trustedProxies) {

	public RateLimitProperties {
		if (replenishRate <= 0 || requestedTokens <= 0 || burstCapacity < replenishRate
				|| anonymousReplenishRate <= 0 || anonymousBurstCapacity < anonymousReplenishRate) {
			throw new IllegalArgumentException("rate limit needs replenishRate > 0, requestedTokens > 0 and "
					+ "burstCapacity >= replenishRate");
		}
	}

}
