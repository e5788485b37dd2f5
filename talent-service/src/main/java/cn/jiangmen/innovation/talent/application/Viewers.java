package cn.jiangmen.innovation.talent.application;

import cn.jiangmen.innovation.platform.security.CurrentUser;
import cn.jiangmen.innovation.talent.domain.OrganisationId;
import cn.jiangmen.innovation.talent.domain.Viewer;

import org.springframework.security.core.context.SecurityContextHolder;

/** The authenticated caller as a domain {@link Viewer}. */
public final class Viewers {

	private Viewers() {
	}

	public static Viewer current() {
		CurrentUser user = CurrentUser.from(SecurityContextHolder.getContext().getAuthentication());
		return new Viewer(user.username(), user.roles(), user.organisationId().map(OrganisationId::new));
	}

}
