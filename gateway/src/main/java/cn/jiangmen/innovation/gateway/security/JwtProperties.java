package cn.jiangmen.innovation.gateway.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How Bearer tokens of machine clients are validated (same rules as the services).
 *
 * @param issuerUri the realm whose keys sign the tokens
 * @param audience the audience every token must carry
 * @param clockSkew tolerance on {@code exp}/{@code nbf}
 * @param cacheSize how many validated tokens are remembered (0: none); each is a few kilobytes
 * @param cacheTtl the longest a validated token is remembered (its own expiry is checked on every use)
 */
@ConfigurationProperties("jiangmen.security.jwt")
public record JwtProperties(
		@DefaultValue("http://localhost:8180/realms/jiangmen") String issuerUri,
		@DefaultValue("jiangmen-api") String audience,
		@DefaultValue("5s") Duration clockSkew,
		@DefaultValue("5000") int cacheSize,
		@DefaultValue("5m") Duration cacheTtl) {
}
