package cn.jiangmen.innovation.systemtests;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A person without JavaScript: keeps cookies, follows redirects one by one (so tests can look at
 * each hop) and fills in Keycloak's login form the way a browser would post it.
 */
public final class BrowserlessUser {

	private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

	private final HttpClient client = HttpClient.newBuilder()
		.cookieHandler(new LocalhostIsSecure(this.cookies))
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	/** Every URL visited, in order, including redirect hops. */
	final List<URI> visited = new ArrayList<>();

	/** Where relative paths go (the gateway); null for a user who only follows absolute URLs. */
	private final String baseUrl;

	public BrowserlessUser() {
		this(null);
	}

	private BrowserlessUser(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	/** A person signed in through the gateway and Keycloak's login form, back on a portal page. */
	public static BrowserlessUser signedIn(String gatewayUrl, String username) {
		BrowserlessUser user = new BrowserlessUser(gatewayUrl);
		HttpResponse<String> landing = user.signIn(user.follow(user.get("/")), username, "demo");
		if (landing.statusCode() != 200) {
			throw new AssertionError("Sign-in of " + username + " ended with " + landing.statusCode() + " at "
					+ landing.uri());
		}
		return user;
	}

	/** GET of a path below the gateway. */
	public HttpResponse<String> get(String path) {
		return get(URI.create(this.baseUrl + path));
	}

	/** A plain form post below the gateway with the CSRF field, like a page's form without script. */
	public HttpResponse<String> postForm(String path, Map<String, String> fields) {
		Map<String, String> all = new java.util.LinkedHashMap<>(fields);
		all.put("_csrf", csrf());
		return postForm(URI.create(this.baseUrl + path), all, Map.of());
	}

	/** An htmx upload: multipart with the CSRF header. */
	public HttpResponse<String> upload(String path, String kind, String filename, byte[] content) {
		String boundary = "----user" + java.util.UUID.randomUUID();
		java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\n" + kind + "\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return send(HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("HX-Request", "true")
			.header("X-XSRF-TOKEN", csrf())
			.build());
	}

	/** The gateway's CSRF token, as the page's script reads it from the cookie. */
	public String csrf() {
		String token = cookie("XSRF-TOKEN");
		if (token == null) {
			throw new AssertionError("The gateway set no XSRF-TOKEN cookie");
		}
		return token;
	}

	public HttpResponse<String> get(URI uri) {
		return send(HttpRequest.newBuilder(uri).GET().header("Accept", "text/html").build());
	}

	public HttpResponse<String> postForm(URI uri, Map<String, String> fields, Map<String, String> headers) {
		String body = fields.entrySet()
			.stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		HttpRequest.Builder request = HttpRequest.newBuilder(uri)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "text/html");
		headers.forEach(request::header);
		return send(request.build());
	}

	/** Follows redirects from {@code response} until a non-redirect answer (at most 15 hops). */
	public HttpResponse<String> follow(HttpResponse<String> response) {
		HttpResponse<String> current = response;
		for (int hop = 0; hop < 15 && isRedirect(current.statusCode()); hop++) {
			URI next = current.uri().resolve(current.headers().firstValue("Location").orElseThrow());
			current = get(next);
		}
		return current;
	}

	/** Posts Keycloak's login form found in {@code loginPage} and follows back to the application. */
	public HttpResponse<String> signIn(HttpResponse<String> loginPage, String username, String password) {
		Document page = Jsoup.parse(loginPage.body(), loginPage.uri().toString());
		Element form = page.selectFirst("form#kc-form-login");
		if (form == null) {
			throw new AssertionError("No Keycloak login form at " + loginPage.uri() + ":\n" + loginPage.body());
		}
		URI action = URI.create(form.absUrl("action"));
		HttpResponse<String> next = follow(postForm(action,
				Map.of("username", username, "password", password, "credentialId", ""), Map.of()));
		// with Keycloak Organizations on, the login is identity-first: a page may ask for the password alone
		Element passwordForm = Jsoup.parse(next.body(), next.uri().toString()).selectFirst("form#kc-form-login");
		if (passwordForm != null && passwordForm.selectFirst("input[name=password]") != null
				&& next.uri().getPath().contains("/login-actions/")) {
			next = follow(postForm(URI.create(passwordForm.absUrl("action")),
					Map.of("password", password, "credentialId", ""), Map.of()));
		}
		return next;
	}

	public String cookie(String name) {
		return this.cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter(c -> c.getName().equals(name))
			.map(HttpCookie::getValue)
			.findFirst()
			.orElse(null);
	}

	private HttpResponse<String> send(HttpRequest request) {
		this.visited.add(request.uri());
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

	/**
	 * Browsers treat http://localhost as a secure context and send it cookies marked Secure (Keycloak
	 * marks its login-session cookies so); Java's CookieManager sends them over https only. This
	 * presents localhost requests as https to the cookie store, as a browser would behave.
	 */
	static final class LocalhostIsSecure extends java.net.CookieHandler {

		private final CookieManager delegate;

		LocalhostIsSecure(CookieManager delegate) {
			this.delegate = delegate;
		}

		@Override
		public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) throws IOException {
			return this.delegate.get(asSecure(uri), requestHeaders);
		}

		@Override
		public void put(URI uri, Map<String, List<String>> responseHeaders) throws IOException {
			this.delegate.put(uri, responseHeaders);
		}

		private static URI asSecure(URI uri) {
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

	static boolean isRedirect(int status) {
		return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
	}

}
