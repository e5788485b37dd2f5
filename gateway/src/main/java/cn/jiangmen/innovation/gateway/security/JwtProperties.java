package cn.jiangmen.innovation.gateway.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** How Bearer tokens of machine clients are validated (same rules as the services). */
@ConfigurationProperties("jiangmen.security.jwt")
public record JwtProperties(
		@DefaultValue("http://localhost:8180/realms/jiangmen") String issuerUri,
		@DefaultValue("jiangmen-api") String audience,
		@DefaultValue("5s") Duration clockSkew) {
}
