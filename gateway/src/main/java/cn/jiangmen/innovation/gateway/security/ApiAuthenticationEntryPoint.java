package cn.jiangmen.innovation.gateway.security;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.web.server.ServerWebExchange;

/**
 * 401 for {@code /api/**}: problem+json plus a {@code WWW-Authenticate: Bearer} challenge
 * (RFC 6750), instead of the browser redirect to Keycloak.
 */
public class ApiAuthenticationEntryPoint implements ServerAuthenticationEntryPoint {

	@Override
	public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException ex) {
		if (ex instanceof OAuth2AuthenticationException oauth2) {
			// an invalid Bearer token: expired, wrong audience, foreign signature, ...
			// error code only in the challenge header; the description may echo token details
			String code = oauth2.getError().getErrorCode();
			return ProblemDetailResponses.write(exchange, HttpStatus.UNAUTHORIZED,
					"The Bearer token was rejected (" + code + ").",
					"Bearer error=\"" + code + "\"");
		}
		return ProblemDetailResponses.write(exchange, HttpStatus.UNAUTHORIZED,
				"Authentication required: sign in, or send a Bearer token issued by the jiangmen realm.", "Bearer");
	}

}
