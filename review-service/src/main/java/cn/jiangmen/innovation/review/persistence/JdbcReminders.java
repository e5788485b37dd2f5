package cn.jiangmen.innovation.review.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import cn.jiangmen.innovation.review.domain.ExpertId;
import cn.jiangmen.innovation.review.domain.Reminders;
import cn.jiangmen.innovation.review.domain.RoundId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcReminders implements Reminders {

	private final JdbcClient jdbc;

	JdbcReminders(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public boolean addIfAbsent(ExpertId expert, RoundId round, int pending, Instant at, boolean emailed) {
		return this.jdbc.sql("""
				insert into reminder (expert, round_id, pending, sent_at, emailed) values (:e, :r, :p, :at, :emailed)
				on conflict (expert, round_id) do nothing
				""")
			.param("e", expert.subject())
			.param("r", round.value())
			.param("p", pending)
			.param("at", Timestamp.from(at))
			.param("emailed", emailed)
			.update() == 1;
	}

	@Override
	public List<Notice> openNotices(ExpertId expert) {
		return this.jdbc.sql("""
				select r.round_id, o.name, o.deadline, r.pending, r.sent_at from reminder r
				join review_round o on o.id = r.round_id
				where r.expert = :e and o.state = 'OPEN' and not r.dismissed
				  and exists (select 1 from assignment a where a.round_id = r.round_id and a.expert = r.expert
				              and a.declaration <> 'CONFLICT' and a.sheet_status <> 'SUBMITTED')
				order by r.sent_at desc
				""")
			.param("e", expert.subject())
			.query((rs, n) -> new Notice(new RoundId(rs.getObject(1, UUID.class)), rs.getString(2),
					rs.getTimestamp(3).toInstant(), rs.getInt(4), rs.getTimestamp(5).toInstant()))
			.list();
	}

}
