package cn.jiangmen.innovation.talent.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdentityFingerprintTest {

	private static IdentityFingerprint keyed(String secret) {
		return IdentityFingerprint.hmacSha256(secret.getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void isTheHmacSha256OfTheNormalisedNumber() throws Exception {
		// computed independently with javax.crypto over the normalised number (blanks removed, upper case)
		javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
		mac.init(new javax.crypto.spec.SecretKeySpec(
				"0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		String expected = HexFormat.of().formatHex(mac.doFinal("44070319800531123X".getBytes(StandardCharsets.UTF_8)));
		assertThat(keyed("0123456789abcdef0123456789abcdef").of(" 4407 0319 8005 31123x ")).isEqualTo(expected);
	}

	@Test
	void theSameNumberIsRecognisedWhateverItsSpacingOrCase() {
		IdentityFingerprint f = keyed("0123456789abcdef0123456789abcdef");
		assertThat(f.of("e1234 5678")).isEqualTo(f.of("E12345678"));
		assertThat(f.of("E12345678")).isNotEqualTo(f.of("E12345679"));
	}

	@Test
	void withoutTheSecretThePlainHashDoesNotMatch() throws Exception {
		String plain = HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest("E12345678".getBytes(StandardCharsets.UTF_8)));
		assertThat(keyed("0123456789abcdef0123456789abcdef").of("E12345678")).isNotEqualTo(plain);
		assertThat(keyed("0123456789abcdef0123456789abcdef").of("E12345678"))
			.isNotEqualTo(keyed("fedcba9876543210fedcba9876543210").of("E12345678"));
	}

	@Test
	void aShortSecretIsRefused() {
		assertThatThrownBy(() -> keyed("too-short")).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("32 bytes");
	}

}
