package cn.jiangmen.innovation.gateway.session;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.oidc.authentication.logout.OidcLogoutToken;
import org.springframework.security.oauth2.client.oidc.server.session.ReactiveOidcSessionRegistry;
import org.springframework.security.oauth2.client.oidc.session.OidcSessionInformation;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.logout.ServerLogoutHandler;
import org.springframework.session.ReactiveSessionRepository;

/**
 * Ends the gateway sessions a (validated) Keycloak logout token names, by deleting them from
 * Redis, wherever they were created. Spring Security's own handler instead calls this gateway's
 * {@code /logout} over HTTP with each session's cookie and a CSRF token, which the cookie-based
 * CSRF repository here cannot accept from a server-side caller.
 */
public class OidcBackChannelSessionLogoutHandler implements ServerLogoutHandler {

	private static final Log log = LogFactory.getLog(OidcBackChannelSessionLogoutHandler.class);

	private final ReactiveOidcSessionRegistry registry;

	private final ReactiveSessionRepository<?> sessions;

	public OidcBackChannelSessionLogoutHandler(ReactiveOidcSessionRegistry registry, ReactiveSessionRepository<?> sessions) {
		this.registry = registry;
		this.sessions = sessions;
	}

	@Override
	public Mono<Void> logout(WebFilterExchange exchange, Authentication authentication) {
		if (!(authentication.getCredentials() instanceof OidcLogoutToken token)) {
			return Mono.empty();
		}
		return registry.removeSessionInformation(token)
			.map(OidcSessionInformation::getSessionId)
			.flatMap(id -> sessions.deleteById(id).thenReturn(id))
			.count()
			.doOnNext(count -> log.info("Back-channel logout from " + token.getIssuer() + ": ended " + count
					+ " gateway session(s)"))
			.then();
	}

}
