package cn.jiangmen.innovation.talent.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import cn.jiangmen.innovation.talent.domain.ApplicationId;
import cn.jiangmen.innovation.talent.domain.ApplicationStatus;
import cn.jiangmen.innovation.talent.domain.RecordedOutcomes;
import cn.jiangmen.innovation.talent.domain.ReviewOutcome;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcRecordedOutcomes implements RecordedOutcomes {

	private final JdbcClient jdbc;

	JdbcRecordedOutcomes(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public boolean claim(String idempotencyKey, ApplicationId applicationId, ReviewOutcome outcome, String actor,
			Instant now) {
		return this.jdbc.sql("""
				insert into talent_review_outcome (idempotency_key, application_id, review_item_id, review_rank,
				    final_score_hundredths, passed_thresholds, confirmed_at, recorded_by, recorded_at)
				values (:key, :application, :item, :rank, :score, :passed, :confirmedAt, :actor, :now)
				on conflict (idempotency_key) do nothing
				""")
			.param("key", idempotencyKey)
			.param("application", applicationId.value())
			.param("item", outcome.reviewItemId())
			.param("rank", outcome.rank())
			.param("score", outcome.scoreHundredths())
			.param("passed", outcome.passedThresholds())
			.param("confirmedAt", Timestamp.from(outcome.confirmedAt()))
			.param("actor", actor)
			.param("now", Timestamp.from(now))
			.update() == 1;
	}

	@Override
	public void complete(String idempotencyKey, ApplicationStatus resultingStatus) {
		this.jdbc.sql("update talent_review_outcome set resulting_status = :status where idempotency_key = :key")
			.param("status", resultingStatus.name())
			.param("key", idempotencyKey)
			.update();
	}

	@Override
	public Optional<Recorded> find(String idempotencyKey) {
		return this.jdbc.sql("""
				select application_id, review_item_id, review_rank, final_score_hundredths, passed_thresholds,
				       confirmed_at, resulting_status
				from talent_review_outcome where idempotency_key = :key
				""")
			.param("key", idempotencyKey)
			.query((rs, row) -> new Recorded(idempotencyKey,
					new ApplicationId(rs.getObject("application_id", UUID.class)),
					new ReviewOutcome(rs.getObject("review_item_id", UUID.class), rs.getInt("review_rank"),
							rs.getInt("final_score_hundredths"), rs.getBoolean("passed_thresholds"),
							rs.getTimestamp("confirmed_at").toInstant()),
					rs.getString("resulting_status") == null ? null
							: ApplicationStatus.valueOf(rs.getString("resulting_status"))))
			.optional();
	}

}
