package cn.jiangmen.innovation.portal.application;

import java.time.ZonedDateTime;

/**
 * One line of "my applications".
 *
 * @param id the application id
 * @param title as the applicant wrote it
 * @param status the status name without the proto prefix (DRAFT, SUBMITTED...), or UNSPECIFIED
 * @param updatedAt last change, in the portal's zone (Asia/Shanghai)
 */
public record ApplicationRow(String id, String title, String status, ZonedDateTime updatedAt) {

	/** The message key of the status, e.g. {@code application.status.SUBMITTED}. */
	public String statusKey() {
		return "application.status." + this.status;
	}

}
