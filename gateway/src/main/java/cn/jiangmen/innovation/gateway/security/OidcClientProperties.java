package cn.jiangmen.innovation.gateway.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The gateway's OIDC client at Keycloak. Our own properties instead of Boot's
 * {@code spring.security.oauth2.client.*}: Boot resolves the issuer eagerly at startup, which
 * would tie the gateway's startup (and every slice test) to a running Keycloak.
 */
@ConfigurationProperties("jiangmen.gateway.oidc")
public record OidcClientProperties(
		@DefaultValue("keycloak") String registrationId,
		@DefaultValue("jiangmen-gateway") String clientId,
		@DefaultValue("gateway-dev-secret") String clientSecret,
		@DefaultValue("http://localhost:8180/realms/jiangmen") String issuerUri,
		@DefaultValue({ "openid", "profile", "email" }) List<String> scopes) {
}
