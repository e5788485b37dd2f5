package cn.jiangmen.innovation.project.application.execution;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

import cn.jiangmen.innovation.platform.audit.Audit;
import cn.jiangmen.innovation.project.domain.execution.DeadlineNotices;
import cn.jiangmen.innovation.project.domain.execution.DueMilestone;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The deadline watch: notices unaccepted milestones of running projects that are due within 30
 * days or overdue, by the server clock in the bureau's time zone. One run at a time across
 * replicas: a run takes a PostgreSQL advisory lock for its transaction and a second replica that
 * finds it taken skips its turn. Each milestone is noticed once per kind and due date.
 */
@Service
public class DeadlineWatch {

	/** What one run did; {@code ran} is false when another replica held the lock. */
	public record Scan(boolean ran, LocalDate today, int dueSoonNew, int overdueNew) {
	}

	static final String ACTOR = "deadline-watch";

	private final DeadlineNotices notices;

	private final Audit audit;

	private final Clock clock;

	public DeadlineWatch(DeadlineNotices notices, Audit audit, Clock clock) {
		this.notices = notices;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	public Scan scan() {
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		LocalDate today = LocalDate.ofInstant(now, ProjectLookup.BUREAU_ZONE);
		if (!this.notices.tryLock()) {
			return new Scan(false, today, 0, 0);
		}
		int overdue = this.notices.notice(DueMilestone.Window.OVERDUE, today, now);
		int dueSoon = this.notices.notice(DueMilestone.Window.DUE_SOON, today, now);
		this.notices.recordScan(today, now, dueSoon, overdue);
		if (dueSoon + overdue > 0) {
			Map<String, Object> after = new LinkedHashMap<>();
			after.put("today", today.toString());
			after.put("dueSoonNew", dueSoon);
			after.put("overdueNew", overdue);
			this.audit.record(ACTOR, now, "milestone.deadlines-noticed", "deadline_scan", today, null, after);
		}
		return new Scan(true, today, dueSoon, overdue);
	}

}
