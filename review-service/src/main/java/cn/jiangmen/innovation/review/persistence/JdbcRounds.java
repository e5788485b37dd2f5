package cn.jiangmen.innovation.review.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import cn.jiangmen.innovation.platform.error.ConflictException;
import cn.jiangmen.innovation.review.domain.Criterion;
import cn.jiangmen.innovation.review.domain.ExpertId;
import cn.jiangmen.innovation.review.domain.OwningContext;
import cn.jiangmen.innovation.review.domain.ReviewItemId;
import cn.jiangmen.innovation.review.domain.ReviewRound;
import cn.jiangmen.innovation.review.domain.Rounds;
import cn.jiangmen.innovation.review.domain.RoundId;
import cn.jiangmen.innovation.review.domain.Rubric;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.json.JsonMapper;

@Repository
class JdbcRounds implements Rounds {

	private static final String COLUMNS = """
			id, name, owning_context, rubric::text as rubric, blind, deadline, reviewers_per_item, max_items_per_expert,
			disagreement_limit, state, opened_by, opened_at, confirmed_by, confirmed_at, version""";

	/** How a rubric is stored: its own shape, so renaming a domain field does not orphan stored rounds. */
	record StoredRubric(List<StoredCriterion> criteria, int scaleMin, int scaleMax, int overallThresholdHundredths) {

		static StoredRubric of(Rubric rubric) {
			return new StoredRubric(rubric.criteria()
				.stream()
				.map(c -> new StoredCriterion(c.code(), c.name(), c.weightPercent(), c.threshold()))
				.toList(), rubric.scaleMin(), rubric.scaleMax(), rubric.overallThresholdHundredths());
		}

		Rubric toRubric() {
			return new Rubric(this.criteria.stream()
				.map(c -> new Criterion(c.code(), c.name(), c.weightPercent(), c.threshold()))
				.toList(), this.scaleMin, this.scaleMax, this.overallThresholdHundredths);
		}

	}

	record StoredCriterion(String code, String name, int weightPercent, int threshold) {
	}

	private final JdbcClient jdbc;

	private final JsonMapper json;

	JdbcRounds(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	@Override
	public void add(ReviewRound r) {
		this.jdbc.sql("""
				insert into review_round (id, name, owning_context, rubric, blind, deadline, reviewers_per_item,
				                          max_items_per_expert, disagreement_limit, state, opened_by, opened_at)
				values (:id, :name, :context, cast(:rubric as jsonb), :blind, :deadline, :n, :m, :limit, :state, :by, :at)
				""")
			.param("id", r.id().value())
			.param("name", r.name())
			.param("context", r.owningContext().name())
			.param("rubric", this.json.writeValueAsString(StoredRubric.of(r.rubric())))
			.param("blind", r.blind())
			.param("deadline", Timestamp.from(r.deadline()))
			.param("n", r.reviewersPerItem())
			.param("m", r.maxItemsPerExpert())
			.param("limit", r.disagreementLimit())
			.param("state", r.state().name())
			.param("by", r.openedBy())
			.param("at", Timestamp.from(r.openedAt()))
			.update();
	}

	@Override
	public Optional<ReviewRound> find(RoundId id) {
		return this.jdbc.sql("select " + COLUMNS + " from review_round where id = :id")
			.param("id", id.value())
			.query(this::map)
			.optional();
	}

	@Override
	public List<ReviewRound> all() {
		return this.jdbc.sql("select " + COLUMNS + " from review_round order by opened_at desc, id").query(this::map).list();
	}

	@Override
	public List<ReviewRound> page(int offset, int limit) {
		return this.jdbc.sql("select " + COLUMNS + " from review_round order by opened_at desc, id offset :offset limit :limit")
			.param("offset", offset)
			.param("limit", limit)
			.query(this::map)
			.list();
	}

	@Override
	public void update(ReviewRound r) {
		int updated = this.jdbc.sql("""
				update review_round set state = :state, confirmed_by = :by, confirmed_at = :at, version = version + 1
				where id = :id and version = :version
				""")
			.param("state", r.state().name())
			.param("by", r.confirmedBy().orElse(null))
			.param("at", r.confirmedAt().map(Timestamp::from).orElse(null))
			.param("id", r.id().value())
			.param("version", r.version())
			.update();
		if (updated != 1) {
			throw new ConflictException("round.stale", "The round was changed meanwhile; reload and try again");
		}
	}

	@Override
	public void addItem(RoundId round, ReviewItemId item) {
		this.jdbc.sql("insert into round_item (round_id, item_id) values (:r, :i)")
			.param("r", round.value())
			.param("i", item.value())
			.update();
	}

	@Override
	public List<ReviewItemId> items(RoundId round) {
		return this.jdbc.sql("select item_id from round_item where round_id = :r order by item_id")
			.param("r", round.value())
			.query((rs, n) -> new ReviewItemId(rs.getObject(1, UUID.class)))
			.list();
	}

	@Override
	public Optional<RoundId> roundOf(ReviewItemId item) {
		return this.jdbc.sql("select round_id from round_item where item_id = :i")
			.param("i", item.value())
			.query((rs, n) -> new RoundId(rs.getObject(1, UUID.class)))
			.optional();
	}

	@Override
	public Map<ReviewItemId, ExpertId> rapporteurs(RoundId round) {
		Map<ReviewItemId, ExpertId> result = new LinkedHashMap<>();
		this.jdbc.sql("select item_id, rapporteur from round_item where round_id = :r and rapporteur is not null")
			.param("r", round.value())
			.query((rs, n) -> result.put(new ReviewItemId(rs.getObject(1, UUID.class)), new ExpertId(rs.getString(2))))
			.list();
		return result;
	}

	@Override
	public void setRapporteur(RoundId round, ReviewItemId item, ExpertId expert) {
		this.jdbc.sql("update round_item set rapporteur = :e where round_id = :r and item_id = :i")
			.param("e", expert == null ? null : expert.subject())
			.param("r", round.value())
			.param("i", item.value())
			.update();
	}

	private ReviewRound map(ResultSet rs, int row) throws SQLException {
		Timestamp confirmedAt = rs.getTimestamp("confirmed_at");
		return new ReviewRound(new RoundId(rs.getObject("id", UUID.class)), rs.getString("name"),
				OwningContext.valueOf(rs.getString("owning_context")), this.json.readValue(rs.getString("rubric"), StoredRubric.class).toRubric(),
				rs.getBoolean("blind"), rs.getTimestamp("deadline").toInstant(), rs.getInt("reviewers_per_item"),
				rs.getInt("max_items_per_expert"), rs.getDouble("disagreement_limit"),
				ReviewRound.State.valueOf(rs.getString("state")), rs.getString("opened_by"),
				rs.getTimestamp("opened_at").toInstant(), Optional.ofNullable(rs.getString("confirmed_by")),
				Optional.ofNullable(confirmedAt).map(Timestamp::toInstant), rs.getLong("version"));
	}

}
