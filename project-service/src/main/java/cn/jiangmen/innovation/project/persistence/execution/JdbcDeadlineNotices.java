package cn.jiangmen.innovation.project.persistence.execution;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import cn.jiangmen.innovation.project.domain.execution.DeadlineNotices;
import cn.jiangmen.innovation.project.domain.execution.DueMilestone;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcDeadlineNotices implements DeadlineNotices {

	/** The watch's advisory lock key: one key for the whole service database. */
	static final String LOCK_KEY = "project-service.deadline-watch";

	private final JdbcClient jdbc;

	JdbcDeadlineNotices(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public boolean tryLock() {
		return Boolean.TRUE.equals(this.jdbc.sql("select pg_try_advisory_xact_lock(hashtextextended(:key, 0))")
			.param("key", LOCK_KEY)
			.query(Boolean.class)
			.single());
	}

	@Override
	public int notice(DueMilestone.Window window, LocalDate today, Instant now) {
		String range = window == DueMilestone.Window.OVERDUE ? "m.due_date < :today"
				: "m.due_date between :today and :until";
		return this.jdbc.sql("""
				insert into milestone_deadline_notice (id, project_id, milestone_id, kind, due_date, noticed_on, noticed_at)
				select gen_random_uuid(), m.project_id, m.id, :kind, m.due_date, :today, :now
				from milestone m join project p on p.id = m.project_id
				where m.state <> 'ACCEPTED' and m.due_date is not null and p.stage in
				""" + JdbcExecutionProjects.RUNNING + " and " + range + """

				on conflict (milestone_id, kind, due_date) do nothing
				""")
			.param("kind", window.name())
			.param("today", Date.valueOf(today))
			.param("until", Date.valueOf(today.plusDays(DueMilestone.DUE_SOON_DAYS)))
			.param("now", Timestamp.from(now))
			.update();
	}

	@Override
	public void recordScan(LocalDate today, Instant now, int dueSoonNew, int overdueNew) {
		this.jdbc.sql("""
				insert into deadline_scan (id, ran_at, today, due_soon_new, overdue_new)
				values (:id, :now, :today, :soon, :overdue)
				""")
			.param("id", UUID.randomUUID())
			.param("now", Timestamp.from(now))
			.param("today", Date.valueOf(today))
			.param("soon", dueSoonNew)
			.param("overdue", overdueNew)
			.update();
	}

}
