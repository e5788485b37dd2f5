package cn.jiangmen.innovation.portal.application;

import java.util.List;

/**
 * The "my applications" page: the rows talent-service returned, or the fact that it could not be
 * asked. An empty list with {@code available} is the normal first state, not an error.
 *
 * @param rows newest first
 * @param available false when talent-service was unreachable, too slow or failed
 * @param more true when talent-service has more than the rows shown (beyond the pages followed)
 */
public record MyApplications(List<ApplicationRow> rows, boolean available, boolean more) {

	public static MyApplications of(List<ApplicationRow> rows, boolean more) {
		return new MyApplications(List.copyOf(rows), true, more);
	}

	public static MyApplications unavailable() {
		return new MyApplications(List.of(), false, false);
	}

	public boolean empty() {
		return this.available && this.rows.isEmpty();
	}

}
