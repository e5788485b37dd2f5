package cn.jiangmen.innovation.gateway.session;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Browser session kept in Redis. {@code secureCookie} must be true behind TLS (k8s overlays);
 * it is false by default only because local development runs on plain http.
 */
@ConfigurationProperties("jiangmen.gateway.session")
public record SessionProperties(
		@DefaultValue("30m") Duration timeout,
		@DefaultValue("jiangmen:gateway:session") String namespace,
		@DefaultValue("JIANGMEN_SESSION") String cookieName,
		@DefaultValue("false") boolean secureCookie) {
}
