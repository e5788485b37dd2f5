package cn.jiangmen.innovation.review.domain;

import java.time.Instant;
import java.util.List;

/** Reminders sent, one per expert and round (which makes the job idempotent). */
public interface Reminders {

	/** Records the reminder unless one exists for the expert and round; true if this call recorded it. */
	boolean addIfAbsent(ExpertId expert, RoundId round, int pending, Instant at, boolean emailed);

	/** Portal notices of an expert: reminders of rounds still open, newest first. */
	List<Notice> openNotices(ExpertId expert);

	record Notice(RoundId round, String roundName, Instant deadline, int pending, Instant sentAt) {
	}

}
