package cn.jiangmen.innovation.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Small HTTP helpers around one shared {@link HttpClient} (HTTP/1.1, as a browser's keep-alive). */
final class Http {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final Duration TIMEOUT = Duration.ofSeconds(30);

	static final HttpClient CLIENT = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private Http() {
	}

	static HttpResponse<String> send(HttpRequest request) {
		try {
			return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static HttpRequest.Builder bearer(String url, String token) {
		return HttpRequest.newBuilder(URI.create(url))
			.timeout(TIMEOUT)
			.header("Authorization", "Bearer " + token)
			.header("Accept", "application/json");
	}

	static HttpResponse<String> get(String url, String token) {
		return send(bearer(url, token).GET().build());
	}

	static HttpResponse<String> postJson(String url, String token, Object body) {
		return send(bearer(url, token).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body == null ? "" : JSON.writeValueAsString(body)))
			.build());
	}

	static HttpResponse<String> postForm(String url, Map<String, String> form) {
		return send(HttpRequest.newBuilder(URI.create(url))
			.timeout(TIMEOUT)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form(form)))
			.build());
	}

	static String form(Map<String, String> fields) {
		return fields.entrySet()
			.stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	/** A multipart upload of one file with a {@code kind} field, as talent's attachment API takes it. */
	static HttpResponse<String> upload(String url, String token, String kind, String filename, byte[] content) {
		String boundary = "----bench" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\n" + kind + "\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
				+ "\"\r\nContent-Type: application/pdf\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return send(bearer(url, token).header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build());
	}

	static JsonNode json(HttpResponse<String> response) {
		return JSON.readTree(response.body());
	}

	static HttpResponse<String> expect(HttpResponse<String> response, int... statuses) {
		for (int status : statuses) {
			if (response.statusCode() == status) {
				return response;
			}
		}
		throw new IllegalStateException(response.request().method() + " " + response.uri() + " answered "
				+ response.statusCode() + ": " + abbreviate(response.body()));
	}

	static String abbreviate(String text) {
		return text == null ? "" : text.length() > 400 ? text.substring(0, 400) + "..." : text;
	}

}
