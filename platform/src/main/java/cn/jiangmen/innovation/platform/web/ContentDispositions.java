package cn.jiangmen.innovation.platform.web;

import java.nio.charset.StandardCharsets;

/**
 * A safe {@code Content-Disposition: attachment} for any file name: an ASCII fallback with
 * everything risky replaced, and the real name in {@code filename*=UTF-8''...} (RFC 6266 / 8187).
 * Spring's {@code ContentDisposition} writes the fallback as RFC 2047 quoted-printable, which
 * browsers show literally; this one keeps a plain ASCII fallback.
 */
public final class ContentDispositions {

	private static final String ATTR_CHARS = "!#$&+-.^_`|~";

	private ContentDispositions() {
	}

	public static String attachment(String filename) {
		StringBuilder fallback = new StringBuilder();
		for (char c : filename.toCharArray()) {
			fallback.append(c >= 0x20 && c < 0x7F && c != '"' && c != '\\' && c != ';' ? c : '_');
		}
		StringBuilder encoded = new StringBuilder();
		for (byte b : filename.getBytes(StandardCharsets.UTF_8)) {
			char c = (char) (b & 0xFF);
			if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
					|| ATTR_CHARS.indexOf(c) >= 0) {
				encoded.append(c);
			}
			else {
				encoded.append('%').append(String.format("%02X", b & 0xFF));
			}
		}
		return "attachment; filename=\"" + fallback + "\"; filename*=UTF-8''" + encoded;
	}

}
