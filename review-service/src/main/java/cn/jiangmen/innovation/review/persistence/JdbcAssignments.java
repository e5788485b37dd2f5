package cn.jiangmen.innovation.review.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import cn.jiangmen.innovation.platform.error.ConflictException;
import cn.jiangmen.innovation.review.domain.Assignment;
import cn.jiangmen.innovation.review.domain.AssignmentId;
import cn.jiangmen.innovation.review.domain.Assignments;
import cn.jiangmen.innovation.review.domain.ExpertId;
import cn.jiangmen.innovation.review.domain.ReviewItemId;
import cn.jiangmen.innovation.review.domain.RoundId;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
class JdbcAssignments implements Assignments {

	private static final String COLUMNS = """
			id, round_id, item_id, expert, source, assigned_by, assigned_at, declaration, declared_at, sheet_status,
			scores::text as scores, comments::text as comments, overall_comment, submitted_at, version""";

	/** Scores per criterion code, stored as one JSON object. */
	private static final TypeReference<Map<String, Integer>> SCORES = new TypeReference<>() {
	};

	/** Comments per criterion code. */
	private static final TypeReference<Map<String, String>> COMMENTS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	JdbcAssignments(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	@Override
	public void add(Assignment a) {
		try {
			this.jdbc.sql("""
					insert into assignment (id, round_id, item_id, expert, source, assigned_by, assigned_at, declaration,
					                        sheet_status)
					values (:id, :round, :item, :expert, :source, :by, :at, :declaration, :status)
					""")
				.param("id", a.id().value())
				.param("round", a.round().value())
				.param("item", a.item().value())
				.param("expert", a.expert().subject())
				.param("source", a.source().name())
				.param("by", a.assignedBy())
				.param("at", Timestamp.from(a.assignedAt()))
				.param("declaration", a.declaration().name())
				.param("status", a.sheetStatus().name())
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw new ConflictException("assignment.exists", "The expert is already assigned to this item");
		}
	}

	@Override
	public Optional<Assignment> find(AssignmentId id) {
		return this.jdbc.sql("select " + COLUMNS + " from assignment where id = :id")
			.param("id", id.value())
			.query(this::map)
			.optional();
	}

	@Override
	public Optional<Assignment> find(ReviewItemId item, ExpertId expert) {
		return this.jdbc.sql("select " + COLUMNS + " from assignment where item_id = :i and expert = :e")
			.param("i", item.value())
			.param("e", expert.subject())
			.query(this::map)
			.optional();
	}

	@Override
	public Assignment update(Assignment a) {
		int updated = this.jdbc.sql("""
				update assignment set declaration = :declaration, declared_at = :declaredAt, sheet_status = :status,
				    scores = cast(:scores as jsonb), comments = cast(:comments as jsonb), overall_comment = :overall,
				    submitted_at = :submittedAt, version = version + 1
				where id = :id and version = :version
				""")
			.param("declaration", a.declaration().name())
			.param("declaredAt", a.declaredAt().map(Timestamp::from).orElse(null))
			.param("status", a.sheetStatus().name())
			.param("scores", this.json.writeValueAsString(a.scores()))
			.param("comments", this.json.writeValueAsString(a.comments()))
			.param("overall", a.overallComment())
			.param("submittedAt", a.submittedAt().map(Timestamp::from).orElse(null))
			.param("id", a.id().value())
			.param("version", a.version())
			.update();
		if (updated != 1) {
			throw new ConflictException("assignment.stale",
					"The review was changed meanwhile (another tab or device); reload and try again");
		}
		return find(a.id()).orElseThrow();
	}

	@Override
	public void delete(AssignmentId id) {
		this.jdbc.sql("delete from assignment where id = :id").param("id", id.value()).update();
	}

	@Override
	public List<Assignment> forRound(RoundId round) {
		return this.jdbc.sql("select " + COLUMNS + " from assignment where round_id = :r order by item_id, expert")
			.param("r", round.value())
			.query(this::map)
			.list();
	}

	@Override
	public List<Assignment> forExpert(ExpertId expert) {
		return this.jdbc.sql("select " + COLUMNS + " from assignment where expert = :e order by assigned_at desc, id")
			.param("e", expert.subject())
			.query(this::map)
			.list();
	}

	private Assignment map(ResultSet rs, int row) throws SQLException {
		Timestamp declaredAt = rs.getTimestamp("declared_at");
		Timestamp submittedAt = rs.getTimestamp("submitted_at");
		return new Assignment(new AssignmentId(rs.getObject("id", UUID.class)), new RoundId(rs.getObject("round_id", UUID.class)),
				new ReviewItemId(rs.getObject("item_id", UUID.class)), new ExpertId(rs.getString("expert")),
				Assignment.Source.valueOf(rs.getString("source")), rs.getString("assigned_by"),
				rs.getTimestamp("assigned_at").toInstant(), Assignment.Declaration.valueOf(rs.getString("declaration")),
				Optional.ofNullable(declaredAt).map(Timestamp::toInstant),
				Assignment.SheetStatus.valueOf(rs.getString("sheet_status")), this.json.readValue(rs.getString("scores"), SCORES),
				this.json.readValue(rs.getString("comments"), COMMENTS), rs.getString("overall_comment"),
				Optional.ofNullable(submittedAt).map(Timestamp::toInstant), rs.getLong("version"));
	}

}
