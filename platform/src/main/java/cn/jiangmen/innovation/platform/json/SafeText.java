package cn.jiangmen.innovation.platform.json;

/**
 * Text the suite stores and shows. Refused: NUL and other control characters but tab and line
 * breaks (PostgreSQL cannot store NUL; the others hide text in logs and exports), unpaired
 * surrogates (stored as "?" by PostgreSQL, so the record would change silently), and the
 * bidirectional embedding, override and isolate controls (U+202A-U+202E, U+2066-U+2069), which make
 * "invoice_exe.pdf" display as something else (CVE-2021-42574, "Trojan Source").
 */
public final class SafeText {

	private SafeText() {
	}

	/** Why {@code text} is refused, in words for the error message; null when it is fine. */
	public static String problem(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == 0) {
				return "must not contain the NUL character";
			}
			if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
				return "must not contain control characters (U+%04X)".formatted((int) c);
			}
			if ((c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)) {
				return "must not contain bidirectional control characters (U+%04X)".formatted((int) c);
			}
			if (Character.isHighSurrogate(c)) {
				if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
					i++;
					continue;
				}
				return "must not contain an unpaired surrogate (invalid Unicode)";
			}
			if (Character.isLowSurrogate(c)) {
				return "must not contain an unpaired surrogate (invalid Unicode)";
			}
		}
		return null;
	}

}
