package cn.jiangmen.innovation.review.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import cn.jiangmen.innovation.platform.error.ConflictException;
import cn.jiangmen.innovation.review.domain.Consensus;
import cn.jiangmen.innovation.review.domain.ConsensusReports;
import cn.jiangmen.innovation.review.domain.ExpertId;
import cn.jiangmen.innovation.review.domain.ReviewItemId;
import cn.jiangmen.innovation.review.domain.RoundId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
class JdbcConsensusReports implements ConsensusReports {

	private static final String COLUMNS = """
			item_id, round_id, rapporteur, final_scores::text as final_scores, report, final_hundredths,
			failed_thresholds, written_at, version""";

	/** Final scores per criterion code, stored as one JSON object. */
	private static final TypeReference<Map<String, Integer>> SCORES = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	JdbcConsensusReports(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	@Override
	public Optional<Consensus> find(ReviewItemId item) {
		return this.jdbc.sql("select " + COLUMNS + " from consensus where item_id = :i")
			.param("i", item.value())
			.query(this::map)
			.optional();
	}

	@Override
	public Consensus save(Consensus c) {
		int changed;
		if (c.version() == 0) {
			changed = this.jdbc.sql("""
					insert into consensus (item_id, round_id, rapporteur, final_scores, report, final_hundredths,
					                       failed_thresholds, written_at)
					values (:item, :round, :rapporteur, cast(:scores as jsonb), :report, :final, :failed, :at)
					on conflict (item_id) do nothing
					""")
				.param("item", c.item().value())
				.param("round", c.round().value())
				.param("rapporteur", c.rapporteur().subject())
				.param("scores", this.json.writeValueAsString(c.finalScores()))
				.param("report", c.report())
				.param("final", c.finalHundredths())
				.param("failed", c.failedThresholds().toArray(String[]::new))
				.param("at", Timestamp.from(c.writtenAt()))
				.update();
		}
		else {
			changed = this.jdbc.sql("""
					update consensus set rapporteur = :rapporteur, final_scores = cast(:scores as jsonb), report = :report,
					    final_hundredths = :final, failed_thresholds = :failed, written_at = :at, version = version + 1
					where item_id = :item and version = :version
					""")
				.param("item", c.item().value())
				.param("rapporteur", c.rapporteur().subject())
				.param("scores", this.json.writeValueAsString(c.finalScores()))
				.param("report", c.report())
				.param("final", c.finalHundredths())
				.param("failed", c.failedThresholds().toArray(String[]::new))
				.param("at", Timestamp.from(c.writtenAt()))
				.param("version", c.version())
				.update();
		}
		if (changed != 1) {
			throw new ConflictException("consensus.stale", "The consensus report was changed meanwhile; reload and try again");
		}
		return find(c.item()).orElseThrow();
	}

	@Override
	public List<Consensus> forRound(RoundId round) {
		return this.jdbc.sql("select " + COLUMNS + " from consensus where round_id = :r")
			.param("r", round.value())
			.query(this::map)
			.list();
	}

	private Consensus map(ResultSet rs, int row) throws SQLException {
		return new Consensus(new ReviewItemId(rs.getObject("item_id", UUID.class)), new RoundId(rs.getObject("round_id", UUID.class)),
				new ExpertId(rs.getString("rapporteur")), this.json.readValue(rs.getString("final_scores"), SCORES), rs.getString("report"),
				rs.getInt("final_hundredths"), Arrays.asList((String[]) rs.getArray("failed_thresholds").getArray()),
				rs.getTimestamp("written_at").toInstant(), rs.getLong("version"));
	}

}
