package cn.jiangmen.innovation.portal.web;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.ResponseCookie;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.AbstractFlashMapManager;

/**
 * Flash attributes (POST-redirect-GET: what was typed and what was wrong, carried to the page the
 * redirect lands on) in one short-lived cookie instead of the HTTP session: the portal is stateless
 * and another replica may answer the GET. The cookie is JSON (strings, numbers, lists and maps
 * only: no Java deserialisation of anything a browser sent), deflated, and signed with HMAC-SHA256
 * so a browser cannot make a page show what the server never said. It lives for seconds and is
 * removed once read, so a reload shows the stored state.
 *
 * <p>
 * A cookie holds about 4 KB and the gateway bounds all request headers together: a flash map that
 * does not fit is dropped with a warning (the page then shows what is stored), never split into
 * several cookies. Forms put only what they need in it: the rejected fields and their values.
 * Never put identity document numbers in it.
 */
public final class CookieFlashMapManager extends AbstractFlashMapManager {

	private static final Logger log = LoggerFactory.getLogger(CookieFlashMapManager.class);

	/** Base64 of deflated JSON plus the signature: below what browsers and the gateway take. */
	static final int MAX_COOKIE_VALUE = 3600;

	private static final TypeReference<List<Stored>> STORED = new TypeReference<>() {
	};

	/**
	 * One flash map as the cookie holds it.
	 *
	 * @param path the page it is for
	 * @param params the query parameters that page must have
	 * @param expires epoch milliseconds
	 * @param attributes the flash attributes
	 */
	record Stored(String path, Map<String, List<String>> params, long expires, Map<String, Object> attributes) {
	}

	private final String cookieName;

	private final boolean secure;

	private final SecretKeySpec key;

	private final JsonMapper json = JsonMapper.builder().build();

	public CookieFlashMapManager(FlashSettings settings) {
		this.cookieName = settings.cookieName();
		this.secure = settings.secure();
		byte[] secret = settings.key() == null || settings.key().isBlank() ? randomKey()
				: settings.key().getBytes(StandardCharsets.UTF_8);
		this.key = new SecretKeySpec(secret, "HmacSHA256");
		setFlashMapTimeout((int) Math.max(1, settings.timeout().toSeconds()));
	}

	/**
	 * @param cookieName the cookie's name
	 * @param key the HMAC key; every replica needs the same one (blank: a random key per process,
	 * fine for one replica and for tests)
	 * @param timeout how long a flash waits for its page
	 * @param secure whether the cookie is sent over HTTPS only
	 */
	public record FlashSettings(String cookieName, String key, Duration timeout, boolean secure) {
	}

	private static byte[] randomKey() {
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		return key;
	}

	@Override
	protected List<FlashMap> retrieveFlashMaps(HttpServletRequest request) {
		String value = cookie(request);
		if (value == null) {
			return null;
		}
		List<Stored> stored = read(value);
		if (stored == null) {
			return null;
		}
		List<FlashMap> maps = new ArrayList<>();
		for (Stored s : stored) {
			FlashMap map = new FlashMap();
			map.setTargetRequestPath(s.path());
			if (s.params() != null) {
				map.addTargetRequestParams(new LinkedMultiValueMap<>(s.params()));
			}
			if (s.attributes() != null) {
				map.putAll(s.attributes());
			}
			// FlashMap keeps the expiry as a start plus a timeout: rebuild it from what was stored
			long left = s.expires() - System.currentTimeMillis();
			map.startExpirationPeriod((int) Math.max(0, left / 1000));
			if (left > 0) {
				maps.add(map);
			}
		}
		return maps;
	}

	@Override
	protected void updateFlashMaps(List<FlashMap> flashMaps, HttpServletRequest request, HttpServletResponse response) {
		if (flashMaps.isEmpty()) {
			if (cookie(request) != null) {
				write(response, "", Duration.ZERO);
			}
			return;
		}
		List<Stored> stored = new ArrayList<>();
		for (FlashMap map : flashMaps) {
			Map<String, List<String>> params = new LinkedHashMap<>();
			MultiValueMap<String, String> target = map.getTargetRequestParams();
			target.forEach(params::put);
			stored.add(new Stored(map.getTargetRequestPath(), params, map.getExpirationTime(),
					new LinkedHashMap<>(map)));
		}
		String value = sign(deflate(this.json.writeValueAsBytes(stored)));
		if (value.length() > MAX_COOKIE_VALUE) {
			log.warn("Flash attributes for {} dropped: {} characters do not fit a cookie", request.getRequestURI(),
					value.length());
			write(response, "", Duration.ZERO);
			return;
		}
		write(response, value, Duration.ofSeconds(getFlashMapTimeout()));
	}

	@Override
	protected Object getFlashMapsMutex(HttpServletRequest request) {
		// the cookie travels with one request at a time; nothing shared to lock
		return null;
	}

	private String cookie(HttpServletRequest request) {
		if (request.getCookies() == null) {
			return null;
		}
		for (Cookie c : request.getCookies()) {
			if (this.cookieName.equals(c.getName()) && !c.getValue().isEmpty()) {
				return c.getValue();
			}
		}
		return null;
	}

	private void write(HttpServletResponse response, String value, Duration maxAge) {
		ResponseCookie cookie = ResponseCookie.from(this.cookieName, value)
			.path("/")
			.httpOnly(true)
			.secure(this.secure)
			.sameSite("Lax")
			.maxAge(maxAge)
			.build();
		response.addHeader("Set-Cookie", cookie.toString());
	}

	/** The maps, or null when the cookie was not signed by this key or cannot be read. */
	List<Stored> read(String value) {
		int dot = value.indexOf('.');
		if (dot < 0) {
			return null;
		}
		try {
			byte[] body = Base64.getUrlDecoder().decode(value.substring(0, dot));
			byte[] signature = Base64.getUrlDecoder().decode(value.substring(dot + 1));
			if (!MessageDigest.isEqual(signature, mac(body))) {
				log.debug("Flash cookie with a wrong signature ignored");
				return null;
			}
			return this.json.readValue(inflate(body), STORED);
		}
		catch (RuntimeException | DataFormatException ex) {
			log.debug("Flash cookie ignored: {}", ex.toString());
			return null;
		}
	}

	String sign(byte[] body) {
		Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
		return base64.encodeToString(body) + "." + base64.encodeToString(mac(body));
	}

	private byte[] mac(byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.key);
			return mac.doFinal(body);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every JDK", ex);
		}
	}

	private static byte[] deflate(byte[] bytes) {
		Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
		deflater.setInput(bytes);
		deflater.finish();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		byte[] buffer = new byte[4096];
		while (!deflater.finished()) {
			out.write(buffer, 0, deflater.deflate(buffer));
		}
		deflater.end();
		return out.toByteArray();
	}

	/** Bounded: a signed cookie is ours, but a bound costs nothing. */
	private static byte[] inflate(byte[] bytes) throws DataFormatException {
		Inflater inflater = new Inflater();
		inflater.setInput(bytes);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		byte[] buffer = new byte[4096];
		try {
			while (!inflater.finished()) {
				int n = inflater.inflate(buffer);
				if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
					throw new DataFormatException("truncated");
				}
				out.write(buffer, 0, n);
				if (out.size() > 256 * 1024) {
					throw new DataFormatException("too large");
				}
			}
		}
		finally {
			inflater.end();
		}
		return out.toByteArray();
	}

}
