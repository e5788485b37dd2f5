package cn.jiangmen.innovation.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A person's browser without JavaScript, for gateway ITs: keeps cookies, follows redirects, and
 * signs in with Keycloak's real login form (code flow + PKCE through the gateway under test).
 */
public final class GatewayBrowser {

	private static final Pattern LOGIN_FORM = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");

	private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

	private final HttpClient http = HttpClient.newBuilder()
		.cookieHandler(new LocalhostIsSecure(cookies))
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final String gatewayUrl;

	private GatewayBrowser(String gatewayUrl) {
		this.gatewayUrl = gatewayUrl;
	}

	/** Signed in as a demo user (password {@code demo}); back at the gateway's {@code /} afterwards. */
	public static GatewayBrowser signedIn(String gatewayUrl, String username) {
		GatewayBrowser browser = new GatewayBrowser(gatewayUrl);
		HttpResponse<String> loginPage = browser.follow(browser.get("/", "zh-CN"));
		Matcher form = LOGIN_FORM.matcher(loginPage.body());
		if (!form.find()) {
			throw new AssertionError("No Keycloak login form at " + loginPage.uri() + ": " + loginPage.statusCode());
		}
		URI action = loginPage.uri().resolve(form.group(1).replace("&amp;", "&"));
		String body = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password=demo&credentialId=";
		HttpResponse<String> back = browser.follow(browser.send(HttpRequest.newBuilder(action)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.build()));
		// with Keycloak Organizations on, the login is identity-first: the username's page may be followed
		// by a page asking for the password alone
		Matcher passwordForm = LOGIN_FORM.matcher(back.body());
		if (!back.uri().toString().startsWith(gatewayUrl) && back.body().contains("name=\"password\"")
				&& passwordForm.find()) {
			back = browser.follow(browser.send(HttpRequest.newBuilder(back.uri().resolve(passwordForm.group(1).replace("&amp;", "&")))
				.POST(HttpRequest.BodyPublishers.ofString("password=demo&credentialId="))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.build()));
		}
		if (!back.uri().toString().startsWith(gatewayUrl)) {
			Matcher inputs = Pattern.compile("<input[^>]*name=\"([^\"]+)\"").matcher(back.body());
			StringBuilder names = new StringBuilder();
			while (inputs.find()) {
				names.append(inputs.group(1)).append(' ');
			}
			throw new AssertionError("Sign-in of " + username + " ended at " + back.uri() + " (" + back.statusCode()
					+ "), a form asking for: " + names);
		}
		return browser;
	}

	/** A page request as a browser sends it ({@code Accept: text/html}). */
	public HttpResponse<String> get(String path, String acceptLanguage) {
		return send(HttpRequest.newBuilder(URI.create(gatewayUrl + path))
			.GET()
			.header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
			.header("Accept-Language", acceptLanguage)
			.build());
	}

	/** A script's call with the session cookie only (no Bearer token). */
	public HttpResponse<String> getJson(String path) {
		return send(HttpRequest.newBuilder(URI.create(gatewayUrl + path)).GET().header("Accept", "application/json").build());
	}

	public String cookie(String name) {
		return cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter(c -> c.getName().equals(name))
			.map(HttpCookie::getValue)
			.findFirst()
			.orElse(null);
	}

	HttpResponse<String> follow(HttpResponse<String> response) {
		HttpResponse<String> current = response;
		for (int hop = 0; hop < 15 && current.statusCode() / 100 == 3; hop++) {
			URI next = current.uri().resolve(current.headers().firstValue("Location").orElseThrow());
			current = send(HttpRequest.newBuilder(next).GET().header("Accept", "text/html").build());
		}
		return current;
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	/**
	 * Browsers treat http://localhost as a secure context and send it cookies marked Secure (as
	 * Keycloak's login cookies are); Java's CookieManager would send them over https only.
	 */
	private static final class LocalhostIsSecure extends CookieHandler {

		private final CookieManager delegate;

		LocalhostIsSecure(CookieManager delegate) {
			this.delegate = delegate;
		}

		@Override
		public Map<String, List<String>> get(URI uri, Map<String, List<String>> headers) throws IOException {
			return delegate.get(asSecure(uri), headers);
		}

		@Override
		public void put(URI uri, Map<String, List<String>> headers) throws IOException {
			delegate.put(uri, headers);
		}

		private static URI asSecure(URI uri) {
			boolean local = "localhost".equals(uri.getHost()) || "127.0.0.1".equals(uri.getHost());
			if (!local || !"http".equals(uri.getScheme())) {
				return uri;
			}
			try {
				return new URI("https", uri.getUserInfo(), uri.getHost(), uri.getPort(), uri.getPath(), uri.getQuery(), null);
			}
			catch (URISyntaxException e) {
				return uri;
			}
		}

	}

}
