package cn.jiangmen.innovation.review.persistence;

import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import cn.jiangmen.innovation.review.domain.Conflict;
import cn.jiangmen.innovation.review.domain.ConflictDetailCode;
import cn.jiangmen.innovation.review.domain.ConflictReason;
import cn.jiangmen.innovation.review.domain.Conflicts;
import cn.jiangmen.innovation.review.domain.ExpertId;
import cn.jiangmen.innovation.review.domain.RecordedConflict;
import cn.jiangmen.innovation.review.domain.ReviewItemId;
import cn.jiangmen.innovation.review.domain.RoundId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcConflicts implements Conflicts {

	private final JdbcClient jdbc;

	JdbcConflicts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public boolean addIfAbsent(RecordedConflict r) {
		Conflict c = r.conflict();
		return this.jdbc.sql("""
				insert into conflict (id, round_id, item_id, expert, reason, detail, detail_code, detail_arguments,
				                      recorded_by, recorded_at)
				values (:id, :round, :item, :expert, :reason, :detail, :code, :arguments, :by, :at)
				on conflict on constraint conflict_once do nothing
				""")
			.param("id", UUID.randomUUID())
			.param("round", r.round().value())
			.param("item", c.item().value())
			.param("expert", c.expert().subject())
			.param("reason", c.reason().name())
			.param("detail", c.detail().length() > 500 ? c.detail().substring(0, 500) : c.detail())
			.param("code", c.detailCode().name())
			.param("arguments", c.detailArguments().toArray(String[]::new))
			.param("by", r.recordedBy())
			.param("at", Timestamp.from(r.recordedAt()))
			.update() == 1;
	}

	@Override
	public List<RecordedConflict> forRound(RoundId round) {
		return this.jdbc.sql("""
				select expert, item_id, reason, detail, detail_code, detail_arguments, round_id, recorded_by, recorded_at
				  from conflict where round_id = :r order by item_id, expert, reason""")
			.param("r", round.value())
			.query((rs, n) -> new RecordedConflict(
					new Conflict(new ExpertId(rs.getString("expert")), new ReviewItemId(rs.getObject("item_id", UUID.class)),
							ConflictReason.valueOf(rs.getString("reason")), rs.getString("detail"),
							ConflictDetailCode.valueOf(rs.getString("detail_code")),
							Arrays.asList((String[]) rs.getArray("detail_arguments").getArray())),
					new RoundId(rs.getObject("round_id", UUID.class)), rs.getString("recorded_by"),
					rs.getTimestamp("recorded_at").toInstant()))
			.list();
	}

	@Override
	public boolean exists(ReviewItemId item, ExpertId expert) {
		return this.jdbc.sql("select exists (select 1 from conflict where item_id = :i and expert = :e)")
			.param("i", item.value())
			.param("e", expert.subject())
			.query(Boolean.class)
			.single();
	}

}
