package cn.jiangmen.innovation.gateway.security;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.csrf.CsrfException;
import org.springframework.web.server.ServerWebExchange;

/** 403 as problem+json (e.g. a missing or wrong CSRF token on a session-authenticated call). */
public class ApiAccessDeniedHandler implements ServerAccessDeniedHandler {

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
		String detail = (denied instanceof CsrfException)
				? "Missing or invalid CSRF token: send the XSRF-TOKEN cookie value in the X-XSRF-TOKEN header."
				: "Access denied.";
		return ProblemDetailResponses.write(exchange, HttpStatus.FORBIDDEN, detail, null);
	}

}
