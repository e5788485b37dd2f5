package cn.jiangmen.innovation.platform.security;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Remembers the access tokens this service has already validated, as the gateway's
 * {@code CachingReactiveJwtDecoder} does. The portal receives the same token on every page and
 * passes it on with each gRPC call, so without this every page decoded it three to six times:
 * Nimbus's decoding and RSA check were a tenth of the portal's CPU samples and a sixth of
 * talent-service's under the portal load (README.md, "Benchmarks"). A remembered token is the same
 * signed token, so nothing is trusted that was not checked once; its expiry (and not-before) is
 * checked again on every use, an entry lives at most {@code ttl}, the cache is bounded, and a
 * refused token is never remembered (it is refused again, with its error).
 */
public final class CachingJwtDecoder implements JwtDecoder {

	private final JwtDecoder delegate;

	private final OAuth2TokenValidator<Jwt> onEveryUse;

	private final Cache<String, Jwt> validated;

	public CachingJwtDecoder(JwtDecoder delegate, OAuth2TokenValidator<Jwt> onEveryUse, int size, Duration ttl) {
		this.delegate = delegate;
		this.onEveryUse = onEveryUse;
		this.validated = Caffeine.newBuilder().maximumSize(size).expireAfterWrite(ttl).build();
	}

	@Override
	public Jwt decode(String token) {
		Jwt known = this.validated.getIfPresent(token);
		if (known != null) {
			if (!this.onEveryUse.validate(known).hasErrors()) {
				return known;
			}
			// expired since: the full decoder refuses it with the usual error
			this.validated.invalidate(token);
		}
		Jwt jwt = this.delegate.decode(token);
		this.validated.put(token, jwt);
		return jwt;
	}

}
