package cn.jiangmen.innovation.project.persistence.execution;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import cn.jiangmen.innovation.project.domain.ProjectId;
import cn.jiangmen.innovation.project.domain.execution.CheckReviewOutcome;
import cn.jiangmen.innovation.project.domain.execution.CheckRound;
import cn.jiangmen.innovation.project.domain.execution.CheckRounds;
import cn.jiangmen.innovation.project.domain.execution.FundRecoveryCase;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcCheckRounds implements CheckRounds {

	private static final String SELECT = """
			select id, project_id, kind, state, opened_by, opened_at, panel_score, reasons, rectify_by, decided_by,
			decided_at, version from check_round""";

	private final JdbcClient jdbc;

	JdbcCheckRounds(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public boolean add(CheckRound round) {
		return this.jdbc.sql("""
				insert into check_round (id, project_id, kind, state, opened_by, opened_at, version)
				values (:id, :project, :kind, :state, :by, :at, :version)
				on conflict (project_id) where state in ('OPEN', 'RECTIFYING') do nothing
				""")
			.param("id", round.id())
			.param("project", round.projectId().value())
			.param("kind", round.kind().name())
			.param("state", round.state().name())
			.param("by", round.openedBy())
			.param("at", Timestamp.from(round.openedAt()))
			.param("version", round.version())
			.update() == 1;
	}

	@Override
	public Optional<CheckRound> find(ProjectId projectId, UUID id) {
		return this.jdbc.sql(SELECT + " where id = :id and project_id = :project")
			.param("id", id)
			.param("project", projectId.value())
			.query(JdbcCheckRounds::map)
			.optional();
	}

	@Override
	public Optional<CheckRound> find(UUID id) {
		return this.jdbc.sql(SELECT + " where id = :id").param("id", id).query(JdbcCheckRounds::map).optional();
	}

	@Override
	public boolean claim(String idempotencyKey, CheckReviewOutcome outcome, java.time.Instant now) {
		// ON CONFLICT on the key and on the round: one outcome per round, whichever key comes first
		return this.jdbc.sql("""
				insert into check_round_review_outcome (idempotency_key, check_round_id, review_item_id, review_rank,
				    final_score_hundredths, passed_thresholds, confirmed_at, recorded_at)
				values (:key, :round, :item, :rank, :score, :passed, :confirmed, :at)
				on conflict do nothing
				""")
			.param("key", idempotencyKey)
			.param("round", outcome.checkRoundId())
			.param("item", outcome.reviewItemId())
			.param("rank", outcome.rank())
			.param("score", outcome.finalScoreHundredths())
			.param("passed", outcome.passedThresholds())
			.param("confirmed", outcome.confirmedAt() == null ? null : Timestamp.from(outcome.confirmedAt()))
			.param("at", Timestamp.from(now))
			.update() == 1;
	}

	@Override
	public Optional<CheckReviewOutcome> reviewOutcome(String idempotencyKey) {
		return this.jdbc.sql("""
				select check_round_id, review_item_id, review_rank, final_score_hundredths, passed_thresholds, confirmed_at
				from check_round_review_outcome where idempotency_key = :key
				""").param("key", idempotencyKey).query((rs, row) -> {
					Timestamp confirmed = rs.getTimestamp("confirmed_at");
					return new CheckReviewOutcome(rs.getObject("check_round_id", UUID.class), rs.getString("review_item_id"),
							rs.getInt("review_rank"), rs.getInt("final_score_hundredths"), rs.getBoolean("passed_thresholds"),
							confirmed == null ? null : confirmed.toInstant());
				}).optional();
	}

	@Override
	public boolean update(CheckRound next) {
		return this.jdbc.sql("""
				update check_round set state = :state, panel_score = :score, reasons = :reasons, rectify_by = :rectifyBy,
				decided_by = :by, decided_at = :at, version = :version where id = :id and version = :previous
				""")
			.param("state", next.state().name())
			.param("score", next.panelScore().orElse(null))
			.param("reasons", next.reasons().orElse(null))
			.param("rectifyBy", next.rectifyBy().map(Date::valueOf).orElse(null))
			.param("by", next.decidedBy().orElse(null))
			.param("at", next.decidedAt().map(Timestamp::from).orElse(null))
			.param("version", next.version())
			.param("id", next.id())
			.param("previous", next.version() - 1)
			.update() == 1;
	}

	@Override
	public List<CheckRound> of(ProjectId projectId) {
		return this.jdbc.sql(SELECT + " where project_id = :project order by opened_at desc, id")
			.param("project", projectId.value())
			.query(JdbcCheckRounds::map)
			.list();
	}

	@Override
	public void add(FundRecoveryCase recovery) {
		this.jdbc.sql("""
				insert into fund_recovery_case (id, project_id, check_round_id, reason, approved_fiscal_fen, released_fen, opened_at)
				values (:id, :project, :round, :reason, :approved, :released, :at)
				""")
			.param("id", recovery.id())
			.param("project", recovery.projectId().value())
			.param("round", recovery.checkRoundId())
			.param("reason", recovery.reason())
			.param("approved", recovery.approvedFiscalFen())
			.param("released", recovery.releasedFen())
			.param("at", Timestamp.from(recovery.openedAt()))
			.update();
	}

	@Override
	public Optional<FundRecoveryCase> recovery(ProjectId projectId) {
		return this.jdbc.sql("""
				select id, project_id, check_round_id, reason, approved_fiscal_fen, released_fen, opened_at
				from fund_recovery_case where project_id = :project
				""").param("project", projectId.value()).query((rs, row) -> new FundRecoveryCase(rs.getObject("id", UUID.class),
				new ProjectId(rs.getObject("project_id", UUID.class)), rs.getObject("check_round_id", UUID.class),
				rs.getString("reason"), rs.getLong("approved_fiscal_fen"), rs.getLong("released_fen"),
				rs.getTimestamp("opened_at").toInstant())).optional();
	}

	private static CheckRound map(ResultSet rs, int row) throws SQLException {
		Date rectifyBy = rs.getDate("rectify_by");
		return new CheckRound(rs.getObject("id", UUID.class), new ProjectId(rs.getObject("project_id", UUID.class)),
				CheckRound.Kind.valueOf(rs.getString("kind")), CheckRound.State.valueOf(rs.getString("state")),
				rs.getString("opened_by"), rs.getTimestamp("opened_at").toInstant(),
				Optional.ofNullable(rs.getBigDecimal("panel_score")), Optional.ofNullable(rs.getString("reasons")),
				Optional.ofNullable(rectifyBy).map(Date::toLocalDate), Optional.ofNullable(rs.getString("decided_by")),
				JdbcTaskBooks.instant(rs.getTimestamp("decided_at")), rs.getLong("version"));
	}

}
