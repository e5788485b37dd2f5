package cn.jiangmen.innovation.gateway.session;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.data.redis.core.RedisTemplate;
import org.springframework.security.oauth2.client.oidc.authentication.logout.OidcLogoutToken;
import org.springframework.security.oauth2.client.oidc.server.session.ReactiveOidcSessionRegistry;
import org.springframework.security.oauth2.client.oidc.session.OidcSessionInformation;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Which gateway session belongs to which Keycloak session, in Redis: Keycloak's back-channel
 * logout reaches one replica, and the browser's session may have been created by another. Spring
 * Security's default registry is one JVM's memory. Keys: the session information under
 * {@code <ns>:session:<id>}, and sets of session ids under {@code <ns>:sid:<iss>|<sid>} and
 * {@code <ns>:sub:<iss>|<sub>} (a logout token names the Keycloak session, or only the user).
 * Entries expire after {@code ttl}; a stale one only names a session that is gone anyway.
 */
public final class RedisOidcSessionRegistry implements ReactiveOidcSessionRegistry {

	private final RedisTemplate<String, Object> redis;

	private final String namespace;

	private final Duration ttl;

	public RedisOidcSessionRegistry(RedisTemplate<String, Object> redis, String namespace, Duration ttl) {
		this.redis = redis;
		this.namespace = namespace;
		this.ttl = ttl;
	}

	@Override
	public Mono<Void> saveSessionInformation(OidcSessionInformation info) {
		return Mono.<Void>fromRunnable(() -> {
			OidcUser user = info.getPrincipal();
			String issuer = user.getIssuer().toString();
			redis.opsForValue().set(sessionKey(info.getSessionId()), info, ttl);
			for (String index : indexKeys(issuer, user.getClaimAsString("sid"), user.getSubject())) {
				redis.opsForSet().add(index, info.getSessionId());
				redis.expire(index, ttl);
			}
		}).subscribeOn(Schedulers.boundedElastic());
	}

	@Override
	public Mono<OidcSessionInformation> removeSessionInformation(String clientSessionId) {
		return Mono.fromCallable(() -> remove(clientSessionId)).subscribeOn(Schedulers.boundedElastic());
	}

	@Override
	public Flux<OidcSessionInformation> removeSessionInformation(OidcLogoutToken token) {
		return Mono.fromCallable(() -> {
			String issuer = token.getIssuer().toString();
			String index = (token.getSessionId() != null) ? indexKey("sid", issuer, token.getSessionId())
					: indexKey("sub", issuer, token.getSubject());
			Set<Object> ids = redis.opsForSet().members(index);
			List<OidcSessionInformation> removed = new ArrayList<>();
			if (ids != null) {
				for (Object id : ids) {
					OidcSessionInformation info = remove(id.toString());
					if (info != null && issuer.equals(info.getPrincipal().getIssuer().toString())) {
						removed.add(info);
					}
				}
			}
			redis.delete(index);
			return removed;
		}).subscribeOn(Schedulers.boundedElastic()).flatMapIterable(list -> list);
	}

	private OidcSessionInformation remove(String sessionId) {
		Object value = redis.opsForValue().getAndDelete(sessionKey(sessionId));
		if (!(value instanceof OidcSessionInformation info)) {
			return null;
		}
		OidcUser user = info.getPrincipal();
		for (String index : indexKeys(user.getIssuer().toString(), user.getClaimAsString("sid"), user.getSubject())) {
			redis.opsForSet().remove(index, sessionId);
		}
		return info;
	}

	private List<String> indexKeys(String issuer, String sid, String subject) {
		List<String> keys = new ArrayList<>(2);
		if (sid != null) {
			keys.add(indexKey("sid", issuer, sid));
		}
		keys.add(indexKey("sub", issuer, subject));
		return keys;
	}

	private String sessionKey(String sessionId) {
		return namespace + ":session:" + sessionId;
	}

	private String indexKey(String kind, String issuer, String value) {
		return namespace + ":" + kind + ":" + issuer + "|" + value;
	}

}
