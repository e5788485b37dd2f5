package cn.jiangmen.innovation.platform.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key that recognises a person by name and organisation across services: what an owning service
 * sends with an item's people for review (talent's {@code leader_name_keys} and member keys) and what
 * review-service derives from an expert's "I applied with / am related to this person at this
 * organisation". Both sides must compute it identically, so it is written once, here, keyed by one
 * suite-wide secret ({@code jiangmen.person-keys.secret}).
 *
 * <p>Keyed (HMAC-SHA256), not plain: owners send no names to review-service (only keys), and a name
 * with an organisation has so little entropy that a plain hash could be reversed by trying the
 * directory's organisations with common names. People never see or type this key: they give a name
 * and choose an organisation.
 */
@FunctionalInterface
public interface PersonNameKey {

	/** Marks the key's kind beside the owners' other keys ({@code id:}, {@code nb:}). */
	String PREFIX = "name:";

	/** Shortest accepted secret: 256 bits, HMAC-SHA256's own strength. */
	int MIN_SECRET_BYTES = 32;

	/**
	 * {@code name:<hex>} of the person at the organisation; empty when either is blank. Each part is
	 * compared in Unicode NFKC, without white space and lower-cased, so full-width and half-width forms,
	 * a space between family and given name and letter case do not make two persons.
	 */
	Optional<String> of(String personName, String organisationName);

	static PersonNameKey hmacSha256(byte[] secret) {
		if (secret == null || secret.length < MIN_SECRET_BYTES) {
			throw new IllegalArgumentException("The person key secret needs at least " + MIN_SECRET_BYTES + " bytes");
		}
		SecretKeySpec key = new SecretKeySpec(secret.clone(), "HmacSHA256");
		return (personName, organisationName) -> {
			String person = normalise(personName);
			String organisation = normalise(organisationName);
			if (person.isEmpty() || organisation.isEmpty()) {
				return Optional.empty();
			}
			try {
				Mac mac = Mac.getInstance("HmacSHA256");
				mac.init(key);
				// a separator that normalised text cannot contain keeps ("ab", "c") apart from ("a", "bc")
				byte[] digest = mac.doFinal((person + "\u0000" + organisation).getBytes(StandardCharsets.UTF_8));
				return Optional.of(PREFIX + HexFormat.of().formatHex(digest));
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalStateException(ex);
			}
		};
	}

	private static String normalise(String text) {
		if (text == null) {
			return "";
		}
		return Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("[\\s\\u0000]+", "").toLowerCase(Locale.ROOT);
	}

}
