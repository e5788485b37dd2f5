package cn.jiangmen.innovation.testsupport.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plain HTTP client for tests that checks what a real client would see: status, headers and
 * JSON body, with or without a bearer token. No redirects are followed unless asked.
 */
public final class HttpProbe {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient client;

	private final String baseUrl;

	public HttpProbe(String baseUrl) {
		this.baseUrl = baseUrl;
		this.client = HttpClient.newBuilder()
			.connectTimeout(Duration.ofSeconds(5))
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	public Response get(String path, String bearerToken) {
		return get(path, bearerToken, "application/json");
	}

	public Response get(String path, String bearerToken, String accept) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.timeout(Duration.ofSeconds(20))
			.header("Accept", accept);
		if (bearerToken != null) {
			request.header("Authorization", "Bearer " + bearerToken);
		}
		return send(request.GET().build());
	}

	public Response postJson(String path, String bearerToken, String json) {
		return sendJson("POST", path, bearerToken, json);
	}

	public Response putJson(String path, String bearerToken, String json) {
		return sendJson("PUT", path, bearerToken, json);
	}

	private Response sendJson(String method, String path, String bearerToken, String json) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.timeout(Duration.ofSeconds(20))
			.header("Accept", "application/json")
			.header("Content-Type", "application/json");
		if (bearerToken != null) {
			request.header("Authorization", "Bearer " + bearerToken);
		}
		return send(request.method(method, HttpRequest.BodyPublishers.ofString(json)).build());
	}

	private Response send(HttpRequest request) {
		try {
			HttpResponse<String> response = this.client.send(request, HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.headers(), response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** What came back. */
	public record Response(int status, java.net.http.HttpHeaders headers, String body) {

		public JsonNode json() {
			return JSON.readTree(this.body);
		}

		public String header(String name) {
			return this.headers.firstValue(name).orElse(null);
		}

	}

}
