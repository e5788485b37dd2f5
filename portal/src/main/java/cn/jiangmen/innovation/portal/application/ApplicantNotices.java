package cn.jiangmen.innovation.portal.application;

import java.util.List;

/**
 * The notices box of an applicant's home page, or the fact that talent-service could not be asked
 * (the rest of the page still shows).
 */
public record ApplicantNotices(List<NoticeRow> rows, boolean available) {

	public static ApplicantNotices of(List<NoticeRow> rows) {
		return new ApplicantNotices(List.copyOf(rows), true);
	}

	public static ApplicantNotices unavailable() {
		return new ApplicantNotices(List.of(), false);
	}

	public boolean empty() {
		return this.available && this.rows.isEmpty();
	}

}
