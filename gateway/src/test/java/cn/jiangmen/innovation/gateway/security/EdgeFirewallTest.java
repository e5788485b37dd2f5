package cn.jiangmen.innovation.gateway.security;

import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The edge firewall's header rules decide as Spring Security's own patterns do, only faster. */
class EdgeFirewallTest {

	// StrictServerWebExchangeFirewall's patterns (spring-security-web 7.1)
	private static final Pattern NAME = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");

	private static final Pattern VALUE = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

	@Test
	void decidesKnownCasesAsTheLibraryDoes() {
		String[] cases = { "", "Bearer eyJhbGciOiJSUzI1NiJ9.e30.sig", "a\tb", "a\u0000b", "a\u007fb", "a\u0085b",
				"\u0378", "\u202eevil", "江门市", "\ud83d\ude00", "\ud83d", "\r\n", "zh-CN,zh;q=0.9" };
		for (String text : cases) {
			assertThat(EdgeFirewall.allowedHeaderName(text)).as("name %s", text).isEqualTo(NAME.matcher(text).matches());
			assertThat(EdgeFirewall.allowedHeaderValue(text)).as("value %s", text)
				.isEqualTo(VALUE.matcher(text).matches());
		}
		assertThat(EdgeFirewall.allowedHeaderValue("a\tb")).isTrue();
		assertThat(EdgeFirewall.allowedHeaderName("a\tb")).isFalse();
	}

	@Test
	void decidesRandomTextAsTheLibraryDoes() {
		Random random = new Random(20261206);
		int[] bounds = { 0x80, 0x800, 0x10000, 0x110000 };
		for (int n = 0; n < 20_000; n++) {
			StringBuilder text = new StringBuilder();
			int length = random.nextInt(12);
			for (int i = 0; i < length; i++) {
				int codePoint = random.nextInt(bounds[random.nextInt(bounds.length)]);
				text.appendCodePoint(codePoint);
			}
			String s = text.toString();
			assertThat(EdgeFirewall.allowedHeaderName(s)).as("name %s", s.codePoints().boxed().toList())
				.isEqualTo(NAME.matcher(s).matches());
			assertThat(EdgeFirewall.allowedHeaderValue(s)).as("value %s", s.codePoints().boxed().toList())
				.isEqualTo(VALUE.matcher(s).matches());
		}
	}

	@Test
	void anAbsentHeaderPasses() {
		assertThat(EdgeFirewall.allowedHeaderName(null)).isTrue();
		assertThat(EdgeFirewall.allowedHeaderValue(null)).isTrue();
	}

}
