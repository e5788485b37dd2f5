package cn.jiangmen.innovation.platform.security;

import cn.jiangmen.innovation.platform.domain.Caller;

import org.springframework.security.core.context.SecurityContextHolder;

/** The authenticated caller of the current REST or gRPC request, as the domains see them. */
public final class Callers {

	private Callers() {
	}

	public static Caller current() {
		CurrentUser user = CurrentUser.from(SecurityContextHolder.getContext().getAuthentication());
		return new Caller(user.subject(), user.username(), user.roles(), user.organisationId());
	}

}
