package cn.jiangmen.innovation.systemtests.talent;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A person at the gateway, for the talent system tests: signs in on Keycloak's form, keeps the
 * session cookie, and sends the gateway's CSRF token as a browser page would (the {@code _csrf}
 * field on forms, the {@code X-XSRF-TOKEN} header on htmx uploads).
 */
final class Person {

	private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

	private final HttpClient client = HttpClient.newBuilder()
		.cookieHandler(new LocalhostAsSecure(this.cookies))
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final String gateway;

	private Person(String gateway) {
		this.gateway = gateway;
	}

	/** Signs in through the gateway and Keycloak's login form; ends on a portal page. */
	static Person signedIn(String gateway, String username) {
		Person person = new Person(gateway);
		HttpResponse<String> login = person.follow(person.get("/"));
		Document page = Jsoup.parse(login.body(), login.uri().toString());
		Element form = page.selectFirst("form#kc-form-login");
		if (form == null) {
			throw new AssertionError("No Keycloak login form at " + login.uri());
		}
		HttpResponse<String> landing = person.follow(person.send(HttpRequest.newBuilder(URI.create(form.absUrl("action")))
			.POST(HttpRequest.BodyPublishers.ofString(encode(Map.of("username", username, "password", "demo",
					"credentialId", ""))))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.build()));
		if (landing.statusCode() != 200) {
			throw new AssertionError("Sign-in of " + username + " ended with " + landing.statusCode());
		}
		return person;
	}

	HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(uri(path)).GET().header("Accept", "text/html").build());
	}

	/** A plain form post with the CSRF field, like a page's form without script. */
	HttpResponse<String> postForm(String path, Map<String, String> fields) {
		Map<String, String> all = new java.util.LinkedHashMap<>(fields);
		all.put("_csrf", csrf());
		return send(HttpRequest.newBuilder(uri(path))
			.POST(HttpRequest.BodyPublishers.ofString(encode(all)))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "text/html")
			.build());
	}

	/** An htmx upload: multipart with the CSRF header. */
	HttpResponse<String> upload(String path, String kind, String filename, byte[] content) {
		String boundary = "----person" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\n" + kind + "\r\n");
		write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
		body.writeBytes(content);
		write(body, "\r\n--" + boundary + "--\r\n");
		return send(HttpRequest.newBuilder(uri(path))
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("HX-Request", "true")
			.header("X-XSRF-TOKEN", csrf())
			.build());
	}

	HttpResponse<String> follow(HttpResponse<String> response) {
		HttpResponse<String> current = response;
		for (int hop = 0; hop < 15 && isRedirect(current.statusCode()); hop++) {
			current = send(HttpRequest.newBuilder(current.uri().resolve(current.headers().firstValue("Location").orElseThrow()))
				.GET()
				.header("Accept", "text/html")
				.build());
		}
		return current;
	}

	String csrf() {
		return this.cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter(c -> c.getName().equals("XSRF-TOKEN"))
			.map(HttpCookie::getValue)
			.findFirst()
			.orElseThrow(() -> new AssertionError("The gateway set no XSRF-TOKEN cookie"));
	}

	static boolean isRedirect(int status) {
		return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
	}

	private URI uri(String path) {
		return URI.create(this.gateway + path);
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return this.client.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String encode(Map<String, String> fields) {
		return fields.entrySet()
			.stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	private static void write(ByteArrayOutputStream out, String text) {
		out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
	}

	/** Browsers send Secure cookies to http://localhost; Java's cookie store would not. */
	static final class LocalhostAsSecure extends java.net.CookieHandler {

		private final CookieManager delegate;

		LocalhostAsSecure(CookieManager delegate) {
			this.delegate = delegate;
		}

		@Override
		public Map<String, List<String>> get(URI uri, Map<String, List<String>> headers) throws IOException {
			return this.delegate.get(secure(uri), headers);
		}

		@Override
		public void put(URI uri, Map<String, List<String>> headers) throws IOException {
			this.delegate.put(uri, headers);
		}

		private static URI secure(URI uri) {
			boolean local = "localhost".equals(uri.getHost()) || "127.0.0.1".equals(uri.getHost());
			if (!local || !"http".equals(uri.getScheme())) {
				return uri;
			}
			try {
				return new URI("https", uri.getUserInfo(), uri.getHost(), uri.getPort(), uri.getPath(), uri.getQuery(),
						null);
			}
			catch (java.net.URISyntaxException ex) {
				return uri;
			}
		}

	}

}
