package cn.jiangmen.innovation.project.domain.execution;

import java.time.Instant;
import java.time.LocalDate;

/** What the deadline watch writes: notices of due-soon and overdue milestones, and its runs. */
public interface DeadlineNotices {

	/**
	 * Takes the watch's lock for the current transaction (a PostgreSQL advisory lock, so one replica
	 * at a time); false when another run holds it.
	 */
	boolean tryLock();

	/** Notices every unaccepted milestone of a running project in the window not noticed yet; how many were new. */
	int notice(DueMilestone.Window window, LocalDate today, Instant now);

	void recordScan(LocalDate today, Instant now, int dueSoonNew, int overdueNew);

}
