package cn.jiangmen.innovation.platform.security;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A validated token is decoded once; an expired or refused one is never served from memory. */
class CachingJwtDecoderTest {

	private final AtomicInteger decodes = new AtomicInteger();

	private Instant expiresAt = Instant.now().plusSeconds(300);

	/** Stands for Nimbus: counts the full decodes, refuses "forged" and anything expired. */
	private final JwtDecoder full = token -> {
		this.decodes.incrementAndGet();
		if (token.equals("forged") || this.expiresAt.isBefore(Instant.now())) {
			throw new BadJwtException("refused");
		}
		return Jwt.withTokenValue(token)
			.header("alg", "RS256")
			.subject("applicant1")
			.issuedAt(this.expiresAt.minusSeconds(300))
			.expiresAt(this.expiresAt)
			.build();
	};

	private final CachingJwtDecoder decoder = new CachingJwtDecoder(this.full,
			new JwtTimestampValidator(Duration.ZERO), 100, Duration.ofMinutes(5));

	@Test
	void theSameTokenIsDecodedOnce() {
		for (int i = 0; i < 5; i++) {
			assertThat(this.decoder.decode("token-a").getSubject()).isEqualTo("applicant1");
		}
		this.decoder.decode("token-b");
		assertThat(this.decodes).hasValue(2);
	}

	@Test
	void aTokenThatExpiredSinceItWasRememberedIsRefused() {
		this.expiresAt = Instant.now().plusMillis(300);
		this.decoder.decode("token-a");
		await(Duration.ofMillis(400));
		assertThatThrownBy(() -> this.decoder.decode("token-a")).isInstanceOf(BadJwtException.class);
		assertThat(this.decodes).hasValue(2);
	}

	@Test
	void aRefusedTokenIsNeverRemembered() {
		for (int i = 0; i < 3; i++) {
			assertThatThrownBy(() -> this.decoder.decode("forged")).isInstanceOf(BadJwtException.class);
		}
		assertThat(this.decodes).hasValue(3);
	}

	private static void await(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
