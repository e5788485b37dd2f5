package cn.jiangmen.innovation.portal.application;

import java.time.ZonedDateTime;

/**
 * A decision on one of the organisation's applications, as the home page lists it.
 *
 * @param applicationId links to the application page
 * @param status the status reached, without the proto prefix (RETURNED, AWARDED...)
 * @param detail the manager's reasons or note; may be empty
 * @param at in the portal's zone (Asia/Shanghai)
 */
public record NoticeRow(String applicationId, String applicationTitle, String status, String detail, ZonedDateTime at) {

	/** The message key of the notice's sentence, e.g. {@code home.notice.AWARDED}. */
	public String messageKey() {
		return "home.notice." + this.status;
	}

}
