package cn.jiangmen.innovation.portal.talent;

import cn.jiangmen.innovation.contracts.talent.v1.ApplicationStatus;

/** Status names without the proto prefix, for the shared {@code application.status.*} labels. */
final class Statuses {

	private Statuses() {
	}

	static String name(ApplicationStatus status) {
		if (status == ApplicationStatus.UNRECOGNIZED || status == ApplicationStatus.APPLICATION_STATUS_UNSPECIFIED) {
			return "UNSPECIFIED";
		}
		return status.name().substring("APPLICATION_STATUS_".length());
	}

}
