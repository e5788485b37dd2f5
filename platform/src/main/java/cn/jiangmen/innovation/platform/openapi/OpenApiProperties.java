package cn.jiangmen.innovation.platform.openapi;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What a service says about itself in its OpenAPI document ({@code jiangmen.openapi.*}); the
 * security scheme, the server and the error responses are the platform's and not set here.
 *
 * @param title the document's {@code info.title}, e.g. "talent-service REST API"
 * @param description what the API is for, in a sentence or two (Markdown)
 * @param version the API's version; services put {@code @project.version@} here so the build's
 * version is the document's
 * @param serverUrl where clients send requests. The default {@code /} is relative to where the
 * document was fetched: through the gateway ({@code /api/<service>/v3/api-docs}) that is the
 * gateway, which serves every operation at the same path, so "try it" goes through the edge
 * @param serverDescription shown beside the server in API tools
 */
@ConfigurationProperties("jiangmen.openapi")
public record OpenApiProperties(String title, @DefaultValue("") String description,
		@DefaultValue("0.0.0-unversioned") String version, @DefaultValue("/") String serverUrl,
		@DefaultValue("The gateway (the same host that served this document)") String serverDescription) {

}
