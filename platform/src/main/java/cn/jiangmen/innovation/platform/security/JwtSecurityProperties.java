package cn.jiangmen.innovation.platform.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How tokens are checked beyond what Spring Boot's resource-server properties say.
 *
 * @param audience the audience every API token must carry
 * @param clockSkew tolerance for exp/nbf; small, because Keycloak and services share NTP time
 * @param cacheSize how many validated tokens are remembered (0: none); each is a few kilobytes
 * @param cacheTtl the longest a validated token is remembered (its own expiry is checked on every use)
 */
@ConfigurationProperties("jiangmen.security.jwt")
public record JwtSecurityProperties(@DefaultValue("jiangmen-api") String audience,
		@DefaultValue("5s") Duration clockSkew, @DefaultValue("2000") int cacheSize,
		@DefaultValue("5m") Duration cacheTtl) {
}
