package cn.jiangmen.innovation.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * A tiny upstream for gateway tests (JDK HttpServer): echoes method, path, Authorization header
 * and body as JSON, and sets its own (weaker) security headers that the edge must replace.
 * Under {@code /issuer} it also serves a minimal OIDC discovery document, so login redirects can
 * be tested without Keycloak.
 */
public final class StubUpstream implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpServer server;

	private StubUpstream(HttpServer server) {
		this.server = server;
	}

	public static StubUpstream start() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			StubUpstream stub = new StubUpstream(server);
			server.createContext("/issuer/.well-known/openid-configuration", stub::discovery);
			server.createContext("/", StubUpstream::echo);
			server.start();
			return stub;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public String url() {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	public String issuer() {
		return url() + "/issuer";
	}

	private void discovery(HttpExchange exchange) throws IOException {
		Map<String, Object> doc = new LinkedHashMap<>();
		doc.put("issuer", issuer());
		doc.put("authorization_endpoint", issuer() + "/protocol/openid-connect/auth");
		doc.put("token_endpoint", issuer() + "/protocol/openid-connect/token");
		doc.put("jwks_uri", issuer() + "/protocol/openid-connect/certs");
		doc.put("userinfo_endpoint", issuer() + "/protocol/openid-connect/userinfo");
		doc.put("end_session_endpoint", issuer() + "/protocol/openid-connect/logout");
		doc.put("response_types_supported", List.of("code"));
		doc.put("subject_types_supported", List.of("public"));
		doc.put("id_token_signing_alg_values_supported", List.of("RS256"));
		doc.put("grant_types_supported", List.of("authorization_code", "refresh_token"));
		doc.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic"));
		respond(exchange, 200, JSON.writeValueAsBytes(doc));
	}

	private static void echo(HttpExchange exchange) throws IOException {
		byte[] body;
		try (InputStream in = exchange.getRequestBody()) {
			body = in.readAllBytes();
		}
		Map<String, Object> echo = new LinkedHashMap<>();
		echo.put("method", exchange.getRequestMethod());
		echo.put("path", exchange.getRequestURI().getRawPath());
		echo.put("authorization", exchange.getRequestHeaders().getFirst("Authorization"));
		echo.put("contentType", exchange.getRequestHeaders().getFirst("Content-Type"));
		echo.put("body", new String(body, StandardCharsets.UTF_8));
		exchange.getResponseHeaders().add("X-Frame-Options", "SAMEORIGIN");
		// as talent-service serves attachments: sandboxed, whatever the file turns out to be
		boolean download = exchange.getRequestURI().getRawPath().contains("/download");
		exchange.getResponseHeaders().add("Content-Security-Policy", download ? "sandbox" : "default-src *");
		respond(exchange, 200, JSON.writeValueAsBytes(echo));
	}

	private static void respond(HttpExchange exchange, int status, byte[] bytes) throws IOException {
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
		exchange.close();
	}

	@Override
	public void close() {
		server.stop(0);
	}

}
