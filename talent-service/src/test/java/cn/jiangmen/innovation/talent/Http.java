package cn.jiangmen.innovation.talent;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for the talent ITs: JSON verbs, multipart upload, raw downloads. */
final class Http {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String baseUrl;

	Http(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	record Reply(int status, java.net.http.HttpHeaders headers, byte[] body) {

		JsonNode json() {
			return JSON.readTree(this.body);
		}

		String text() {
			return new String(this.body, StandardCharsets.UTF_8);
		}

		String header(String name) {
			return this.headers.firstValue(name).orElse(null);
		}

		/** {@code field -> code} pairs of a problem detail's errors, as "field:code". */
		java.util.List<String> errors() {
			java.util.List<String> errors = new java.util.ArrayList<>();
			json().get("errors").forEach(e -> errors.add(e.get("field").asString() + ":" + e.get("code").asString()));
			return errors;
		}

	}

	Reply get(String path, String token) {
		return send(request(path, token).GET().build());
	}

	Reply delete(String path, String token) {
		return send(request(path, token).DELETE().build());
	}

	Reply post(String path, String token, Object body) {
		return send(request(path, token).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body == null ? "" : JSON.writeValueAsString(body)))
			.build());
	}

	Reply put(String path, String token, Object body) {
		return send(request(path, token).header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
			.build());
	}

	Reply upload(String path, String token, String kind, String filename, byte[] content) {
		String boundary = "----talent" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\n" + kind + "\r\n");
		write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
		body.writeBytes(content);
		write(body, "\r\n--" + boundary + "--\r\n");
		return send(request(path, token).header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build());
	}

	private static void write(ByteArrayOutputStream out, String text) {
		out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
	}

	private HttpRequest.Builder request(String path, String token) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.timeout(Duration.ofSeconds(20))
			.header("Accept", "application/json, application/problem+json, */*");
		if (token != null) {
			builder.header("Authorization", "Bearer " + token);
		}
		return builder;
	}

	private Reply send(HttpRequest request) {
		try {
			HttpResponse<byte[]> response = this.client.send(request, HttpResponse.BodyHandlers.ofByteArray());
			return new Reply(response.statusCode(), response.headers(), response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
