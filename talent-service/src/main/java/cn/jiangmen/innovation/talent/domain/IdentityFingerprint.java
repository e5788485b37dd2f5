package cn.jiangmen.innovation.talent.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What is kept of an identity document number: enough to recognise the same person on another
 * application, useless to recover the number. ID card numbers have little entropy (region, birth
 * date, sequence, check digit), so a plain hash could be reversed by enumeration; a keyed HMAC
 * cannot without the service's secret.
 */
@FunctionalInterface
public interface IdentityFingerprint {

	/** Shortest accepted secret: 256 bits, HMAC-SHA256's own strength. */
	int MIN_SECRET_BYTES = 32;

	/** The fingerprint (hex) of a document number, ignoring blanks and case. */
	String of(String documentNumber);

	static IdentityFingerprint hmacSha256(byte[] secret) {
		if (secret == null || secret.length < MIN_SECRET_BYTES) {
			throw new IllegalArgumentException("The identity secret needs at least " + MIN_SECRET_BYTES + " bytes");
		}
		SecretKeySpec key = new SecretKeySpec(secret.clone(), "HmacSHA256");
		return documentNumber -> {
			String normalised = documentNumber.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
			try {
				Mac mac = Mac.getInstance("HmacSHA256");
				mac.init(key);
				return HexFormat.of().formatHex(mac.doFinal(normalised.getBytes(StandardCharsets.UTF_8)));
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalStateException(ex);
			}
		};
	}

}
