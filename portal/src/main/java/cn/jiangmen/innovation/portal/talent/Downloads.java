package cn.jiangmen.innovation.portal.talent;

import java.nio.charset.StandardCharsets;

/** {@code Content-Disposition: attachment} with an ASCII fallback and the UTF-8 name (RFC 6266 / 8187). */
final class Downloads {

	private static final String ATTR_CHARS = "!#$&+-.^_`|~";

	private Downloads() {
	}

	static String attachment(String filename) {
		StringBuilder fallback = new StringBuilder();
		StringBuilder encoded = new StringBuilder();
		for (char c : filename.toCharArray()) {
			fallback.append(c >= 0x20 && c < 0x7F && c != '"' && c != '\\' && c != ';' ? c : '_');
		}
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
