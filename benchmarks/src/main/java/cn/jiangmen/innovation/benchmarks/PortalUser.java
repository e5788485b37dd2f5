package cn.jiangmen.innovation.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * A person in a browser without script: signs in through the gateway and Keycloak's login form,
 * keeps the session cookie, then asks for portal pages. One HTTP client (one connection pool) per
 * person, as one browser each.
 */
final class PortalUser {

	private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

	private final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.cookieHandler(new LocalhostIsSecure(this.cookies))
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final String gateway;

	final String username;

	private PortalUser(String gateway, String username) {
		this.gateway = gateway;
		this.username = username;
	}

	static PortalUser signedIn(String gateway, String username, String password) {
		PortalUser user = new PortalUser(gateway, username);
		HttpResponse<String> login = user.follow(user.get(URI.create(gateway + "/")));
		Element form = Jsoup.parse(login.body(), login.uri().toString()).selectFirst("form#kc-form-login");
		if (form == null) {
			throw new IllegalStateException("no Keycloak login form for " + username + " at " + login.uri());
		}
		HttpResponse<String> landing = user.follow(user.send(HttpRequest.newBuilder(URI.create(form.absUrl("action")))
			.timeout(Http.TIMEOUT)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(Http.form(Map.of("username", username, "password", password,
					"credentialId", ""))))
			.build()));
		// with Keycloak Organizations on, the login is identity-first: a page may ask for the password alone
		Element passwordForm = Jsoup.parse(landing.body(), landing.uri().toString()).selectFirst("form#kc-form-login");
		if (passwordForm != null && passwordForm.selectFirst("input[name=password]") != null
				&& landing.uri().getPath().contains("/login-actions/")) {
			landing = user.follow(user.send(HttpRequest.newBuilder(URI.create(passwordForm.absUrl("action")))
				.timeout(Http.TIMEOUT)
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(Http.form(Map.of("password", password, "credentialId", ""))))
				.build()));
		}
		if (landing.statusCode() != 200 || !landing.uri().toString().startsWith(gateway)) {
			throw new IllegalStateException("sign-in of " + username + " ended with " + landing.statusCode() + " at "
					+ landing.uri());
		}
		return user;
	}

	/** GET of a page below the gateway, without following redirects (a redirect is not a page). */
	HttpResponse<String> page(String path) {
		return get(URI.create(this.gateway + path));
	}

	private HttpResponse<String> get(URI uri) {
		return send(HttpRequest.newBuilder(uri).timeout(Http.TIMEOUT).header("Accept", "text/html").GET().build());
	}

	private HttpResponse<String> follow(HttpResponse<String> response) {
		HttpResponse<String> current = response;
		for (int hop = 0; hop < 15 && current.statusCode() / 100 == 3; hop++) {
			current = get(current.uri().resolve(current.headers().firstValue("Location").orElseThrow()));
		}
		return current;
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

	/**
	 * Browsers send cookies marked Secure to http://localhost (a secure context); Java's cookie store
	 * sends them over https only, so localhost requests are presented to it as https.
	 */
	private static final class LocalhostIsSecure extends CookieHandler {

		private final CookieManager delegate;

		LocalhostIsSecure(CookieManager delegate) {
			this.delegate = delegate;
		}

		@Override
		public Map<String, List<String>> get(URI uri, Map<String, List<String>> headers) throws IOException {
			boolean local = "localhost".equals(uri.getHost()) || "127.0.0.1".equals(uri.getHost());
			if (!local || !"http".equals(uri.getScheme())) {
				return this.delegate.get(uri, headers);
			}
			try {
				return this.delegate.get(new URI("https", uri.getUserInfo(), uri.getHost(), uri.getPort(), uri.getPath(),
						uri.getQuery(), null), headers);
			}
			catch (URISyntaxException ex) {
				return this.delegate.get(uri, headers);
			}
		}

		@Override
		public void put(URI uri, Map<String, List<String>> headers) throws IOException {
			this.delegate.put(uri, headers);
		}

	}

}
