package cn.jiangmen.innovation.review.application;

import cn.jiangmen.innovation.platform.security.CurrentUser;
import cn.jiangmen.innovation.review.domain.Caller;

import org.springframework.security.core.context.SecurityContextHolder;

/** The authenticated caller (REST or gRPC) as a domain {@link Caller}. */
public final class Callers {

	private Callers() {
	}

	public static Caller current() {
		CurrentUser user = CurrentUser.from(SecurityContextHolder.getContext().getAuthentication());
		return new Caller(user.subject(), user.username(), user.roles());
	}

}
