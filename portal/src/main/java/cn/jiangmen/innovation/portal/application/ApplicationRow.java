package cn.jiangmen.innovation.portal.application;

import java.time.ZonedDateTime;

/**
 * One line of "my applications".
 *
 * @param id the application id
 * @param title as the applicant wrote it
 * @param status the status name without the proto prefix (DRAFT, SUBMITTED...), or UNSPECIFIED
 * @param updatedAt last change, in the portal's zone (Asia/Shanghai)
 * @param callId the call it applies to
 * @param callTitle the call's title, or null when calls could not be listed
 */
public record ApplicationRow(String id, String title, String status, ZonedDateTime updatedAt, String callId,
		String callTitle) {

	/** A draft is continued (and may be deleted); anything else is opened. */
	public boolean draft() {
		return "DRAFT".equals(this.status);
	}

	/** Returned for correction: the applicant has work to do on it. */
	public boolean returned() {
		return "RETURNED".equals(this.status);
	}

	/** The message key of the status, e.g. {@code application.status.SUBMITTED}. */
	public String statusKey() {
		return "application.status." + this.status;
	}

}
