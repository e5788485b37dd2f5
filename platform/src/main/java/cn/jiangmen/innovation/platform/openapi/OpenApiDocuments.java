package cn.jiangmen.innovation.platform.openapi;

import java.util.List;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;

/**
 * The parts every service's OpenAPI document shares: info from {@link OpenApiProperties}, one
 * server, and the realm's tokens as the only way in.
 */
public final class OpenApiDocuments {

	/** A Keycloak access token sent as {@code Authorization: Bearer}. */
	public static final String BEARER_SCHEME = "bearer-jwt";

	/** The same tokens, described by the realm's discovery document so tools can fetch one. */
	public static final String OIDC_SCHEME = "keycloak-oidc";

	private OpenApiDocuments() {
	}

	/**
	 * @param issuerUri the realm's issuer, e.g. {@code http://localhost:8180/realms/jiangmen}
	 */
	public static OpenAPI base(OpenApiProperties properties, String issuerUri) {
		Info info = new Info().title(properties.title())
			.description(properties.description())
			.version(properties.version());
		Components components = new Components()
			.addSecuritySchemes(BEARER_SCHEME,
					new SecurityScheme().type(SecurityScheme.Type.HTTP)
						.scheme("bearer")
						.bearerFormat("JWT")
						.description("An access token of the Keycloak realm, audience `jiangmen-api`"))
			.addSecuritySchemes(OIDC_SCHEME,
					new SecurityScheme().type(SecurityScheme.Type.OPENIDCONNECT)
						.openIdConnectUrl(issuerUri + "/.well-known/openid-configuration")
						.description("The Keycloak realm that issues the tokens"));
		return new OpenAPI().info(info)
			.servers(List.of(new Server().url(properties.serverUrl()).description(properties.serverDescription())))
			.components(components)
			// two entries = alternatives: one token, described two ways
			.security(List.of(new SecurityRequirement().addList(BEARER_SCHEME),
					new SecurityRequirement().addList(OIDC_SCHEME)));
	}

}
