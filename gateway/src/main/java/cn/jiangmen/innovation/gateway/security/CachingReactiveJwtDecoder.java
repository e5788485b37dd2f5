package cn.jiangmen.innovation.gateway.security;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * Remembers the access tokens this gateway has already validated. A client sends the same token on
 * every request until it expires; decoding it again (Nimbus's constant-time Base64 and the RSA
 * signature check) was a quarter of the gateway's CPU samples under load (README.md, "Benchmarks"). A
 * remembered token is the same signed token, so nothing is trusted that was not checked once; its
 * expiry (and not-before) is checked again on every use, an entry lives at most {@code ttl}, the
 * cache is bounded, and a refused token is never remembered (it is refused again, with its error).
 */
final class CachingReactiveJwtDecoder implements ReactiveJwtDecoder {

	private final ReactiveJwtDecoder delegate;

	private final OAuth2TokenValidator<Jwt> onEveryUse;

	private final Cache<String, Jwt> validated;

	CachingReactiveJwtDecoder(ReactiveJwtDecoder delegate, OAuth2TokenValidator<Jwt> onEveryUse, int size,
			Duration ttl) {
		this.delegate = delegate;
		this.onEveryUse = onEveryUse;
		this.validated = Caffeine.newBuilder().maximumSize(size).expireAfterWrite(ttl).build();
	}

	@Override
	public Mono<Jwt> decode(String token) {
		Jwt known = this.validated.getIfPresent(token);
		if (known != null) {
			if (!this.onEveryUse.validate(known).hasErrors()) {
				return Mono.just(known);
			}
			// expired since: the full decoder refuses it with the usual error
			this.validated.invalidate(token);
		}
		return this.delegate.decode(token).doOnNext(jwt -> this.validated.put(token, jwt));
	}

}
