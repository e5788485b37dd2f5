package cn.jiangmen.innovation.benchmarks;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * The load's users, made through Keycloak's admin REST API (dev admin, 127.0.0.1 only): a public
 * client {@code jiangmen-bench} with direct access grants and the scopes the gateway's client has
 * plus the {@code jiangmen-api} audience (tokens live an hour, longer than a run), and users
 * {@code bench-<role>-NNN} (password {@code demo}). Idempotent: a second run reuses them.
 */
final class KeycloakAdmin {

	static final String CLIENT = "jiangmen-bench";

	static final String PASSWORD = "demo";

	private static final List<String> SCOPES = List.of("basic", "profile", "email", "jiangmen-realm-roles",
			"web-origins", "acr", "organization", "jiangmen-api-audience");

	private final String url;

	private final String realm;

	private final String adminUser;

	private final String adminPassword;

	private String adminToken;

	private long adminTokenAt;

	KeycloakAdmin(String url, String realm, String adminUser, String adminPassword) {
		this.url = url;
		this.realm = realm;
		this.adminUser = adminUser;
		this.adminPassword = adminPassword;
	}

	private synchronized String admin() {
		if (this.adminToken == null || System.currentTimeMillis() - this.adminTokenAt > 30_000) {
			HttpResponse<String> r = Http.expect(Http.postForm(this.url + "/realms/master/protocol/openid-connect/token",
					Map.of("grant_type", "password", "client_id", "admin-cli", "username", this.adminUser, "password",
							this.adminPassword)),
					200);
			this.adminToken = Http.json(r).get("access_token").asString();
			this.adminTokenAt = System.currentTimeMillis();
		}
		return this.adminToken;
	}

	private String api(String path) {
		return this.url + "/admin/realms/" + this.realm + path;
	}

	void ensureClient() {
		HttpResponse<String> found = Http.expect(Http.get(api("/clients?clientId=" + CLIENT), admin()), 200);
		String id;
		if (Http.json(found).isEmpty()) {
			Map<String, Object> rep = new LinkedHashMap<>();
			rep.put("clientId", CLIENT);
			rep.put("name", "benchmarks only: " + CLIENT);
			rep.put("description", "Added at runtime by benchmarks/run; not part of the realm file");
			rep.put("enabled", true);
			rep.put("protocol", "openid-connect");
			rep.put("publicClient", true);
			rep.put("standardFlowEnabled", false);
			rep.put("directAccessGrantsEnabled", true);
			rep.put("fullScopeAllowed", true);
			rep.put("attributes", Map.of("access.token.lifespan", "3600"));
			Http.expect(Http.postJson(api("/clients"), admin(), rep), 201, 409);
			found = Http.expect(Http.get(api("/clients?clientId=" + CLIENT), admin()), 200);
		}
		id = Http.json(found).get(0).get("id").asString();
		Map<String, String> scopeIds = new LinkedHashMap<>();
		for (JsonNode scope : Http.json(Http.expect(Http.get(api("/client-scopes"), admin()), 200))) {
			scopeIds.put(scope.get("name").asString(), scope.get("id").asString());
		}
		List<String> current = new ArrayList<>();
		for (JsonNode scope : Http.json(Http.expect(Http.get(api("/clients/" + id + "/default-client-scopes"), admin()), 200))) {
			current.add(scope.get("name").asString());
		}
		for (String name : SCOPES) {
			if (!current.contains(name) && scopeIds.containsKey(name)) {
				Http.expect(Http.send(Http.bearer(api("/clients/" + id + "/default-client-scopes/" + scopeIds.get(name)), admin())
					.PUT(HttpRequest.BodyPublishers.noBody())
					.build()), 204);
			}
		}
		for (String name : current) {
			if (!SCOPES.contains(name)) {
				Http.expect(Http.send(Http.bearer(api("/clients/" + id + "/default-client-scopes/" + scopeIds.get(name)), admin())
					.DELETE()
					.build()), 204);
			}
		}
	}

	/**
	 * Creates (or finds) the user with the realm role, a member of the Keycloak organisation when one is
	 * given (the token's {@code organization} claim is what the services read); returns the username.
	 */
	String ensureUser(String username, String role, String organisationId) {
		Map<String, Object> rep = new LinkedHashMap<>();
		rep.put("username", username);
		rep.put("enabled", true);
		rep.put("emailVerified", true);
		rep.put("firstName", "Bench");
		rep.put("lastName", username.replace("bench-", ""));
		rep.put("email", username + "@bench.jiangmen.local");
		rep.put("credentials", List.of(Map.of("type", "password", "value", PASSWORD, "temporary", false)));
		HttpResponse<String> created = Http.expect(Http.postJson(api("/users"), admin(), rep), 201, 409);
		String id = Http.json(Http.expect(Http.get(api("/users?exact=true&username="
				+ URLEncoder.encode(username, StandardCharsets.UTF_8)), admin()), 200)).get(0).get("id").asString();
		if (created.statusCode() == 201) {
			JsonNode roleRep = Http.json(Http.expect(Http.get(api("/roles/" + role), admin()), 200));
			Http.expect(Http.postJson(api("/users/" + id + "/role-mappings/realm"), admin(), List.of(roleRep)), 204);
		}
		if (organisationId != null) {
			// 409: a member already (an earlier run)
			Http.expect(Http.postJson(api("/organizations/" + organisationId + "/members"), admin(), id), 201, 409);
		}
		return username;
	}

	/** A password-grant access token of the user through the bench client (aud jiangmen-api). */
	String token(String username) {
		HttpResponse<String> r = Http.expect(Http.postForm(this.url + "/realms/" + this.realm + "/protocol/openid-connect/token",
				Map.of("grant_type", "password", "client_id", CLIENT, "username", username, "password", PASSWORD,
						"scope", "openid")),
				200);
		return Http.json(r).get("access_token").asString();
	}

	/** A client-credentials token of the services' account (realm role service), as services call each other. */
	String serviceToken(String clientId, String secret) {
		HttpResponse<String> r = Http.expect(Http.postForm(this.url + "/realms/" + this.realm + "/protocol/openid-connect/token",
				Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret)), 200);
		return Http.json(r).get("access_token").asString();
	}

}
