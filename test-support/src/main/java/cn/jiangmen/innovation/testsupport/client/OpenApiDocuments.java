package cn.jiangmen.innovation.testsupport.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service's OpenAPI document as a machine client meets it: fetched without a token at the path
 * the gateway serves ({@code /api/<prefix>/v3/api-docs}), with the parts the platform promises
 * checked, then written to {@code target/openapi/<service>.json}, where the build's
 * {@code redocly lint} (tools/openapi/lint.sh, phase {@code verify}) reads it.
 */
public final class OpenApiDocuments {

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

	private OpenApiDocuments() {
	}

	/**
	 * @param http the service itself (its REST paths are the gateway's, so the document is the same)
	 * @param service the module name, e.g. {@code talent-service}: the file's name
	 * @param prefix the segment after {@code /api/}, e.g. {@code projects}
	 */
	public static JsonNode fetchCheckAndSave(HttpProbe http, String service, String prefix) {
		HttpProbe.Response response = http.get("/api/" + prefix + "/v3/api-docs", null);
		assertThat(response.status()).as("the document is public: it tells a client how to get a token")
			.isEqualTo(200);
		JsonNode document = response.json();

		assertThat(document.at("/info/version").asString()).as("the build's version, filtered into application.yml")
			.matches("\\d+\\.\\d+\\.\\d+.*");
		assertThat(document.at("/servers/0/url").asString()).as("relative: the gateway that served the document")
			.isEqualTo("/");
		assertThat(document.at("/components/securitySchemes").propertyNames()).contains("bearer-jwt", "keycloak-oidc");
		assertThat(document.at("/security").size()).as("the schemes apply to every operation").isPositive();
		assertThat(document.at("/paths").propertyNames()).as("served by the gateway's /api/%s/** route", prefix)
			.isNotEmpty()
			.allMatch(path -> path.startsWith("/api/" + prefix + "/"));
		assertThat(operations(document)).allSatisfy(operation -> assertThat(operation.at("/responses/401").isMissingNode())
			.as("401 problem+json on %s", operation.at("/operationId").asString())
			.isFalse());

		String discovery = document.at("/components/securitySchemes/keycloak-oidc/openIdConnectUrl").asString();
		assertThat(new HttpProbe("").get(discovery, null).json().at("/issuer").asString())
			.as("the OIDC discovery URL is the realm's").isEqualTo(discovery.replace("/.well-known/openid-configuration", ""));

		write(document, Path.of("target", "openapi", service + ".json"));
		return document;
	}

	private static List<JsonNode> operations(JsonNode document) {
		List<JsonNode> operations = new ArrayList<>();
		document.at("/paths").forEach(path -> path.properties()
			.stream()
			.filter(entry -> METHODS.contains(entry.getKey()))
			.forEach(entry -> operations.add(entry.getValue())));
		return operations;
	}

	private static void write(JsonNode document, Path file) {
		try {
			Files.createDirectories(file.getParent());
			Files.writeString(file, JSON.writeValueAsString(document));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
