package cn.jiangmen.innovation.review;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import cn.jiangmen.innovation.testsupport.client.HttpProbe;

/** JSON calls with any verb (HttpProbe has GET and POST only). */
final class Api {

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String baseUrl;

	Api(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	HttpProbe.Response get(String path, String token) {
		return call("GET", path, token, null);
	}

	HttpProbe.Response post(String path, String token, String json) {
		return call("POST", path, token, json);
	}

	HttpProbe.Response put(String path, String token, String json) {
		return call("PUT", path, token, json);
	}

	HttpProbe.Response delete(String path, String token) {
		return call("DELETE", path, token, null);
	}

	HttpProbe.Response call(String method, String path, String token, String json) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.timeout(Duration.ofSeconds(20))
			.header("Accept", "application/json")
			.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		try {
			HttpResponse<String> response = this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new HttpProbe.Response(response.statusCode(), response.headers(), response.body());
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
