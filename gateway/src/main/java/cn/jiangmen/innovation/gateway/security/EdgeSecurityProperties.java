package cn.jiangmen.innovation.gateway.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Response security headers. {@code keycloakUrl} is the browser-visible Keycloak origin: the
 * login form posts there, so CSP {@code form-action} must allow it.
 */
@ConfigurationProperties("jiangmen.gateway.security")
public record EdgeSecurityProperties(
		@DefaultValue("http://localhost:8180") String keycloakUrl,
		@DefaultValue("365d") Duration hstsMaxAge,
		@DefaultValue("camera=(), microphone=(), geolocation=(), payment=(), usb=()") String permissionsPolicy) {

	public String contentSecurityPolicy() {
		return "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; "
				+ "frame-ancestors 'none'; form-action 'self' " + keycloakUrl;
	}

}
