package cn.jiangmen.innovation.project.persistence.execution;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import cn.jiangmen.innovation.project.domain.ProjectId;
import cn.jiangmen.innovation.project.domain.execution.ChangeRequest;
import cn.jiangmen.innovation.project.domain.execution.ChangeRequests;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
class JdbcChangeRequests implements ChangeRequests {

	private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	JdbcChangeRequests(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	@Override
	public void add(ChangeRequest request) {
		this.jdbc.sql("""
				insert into change_request (id, project_id, kind, reason, payload, state, requested_by, requested_at, version)
				values (:id, :project, :kind, :reason, cast(:payload as jsonb), :state, :by, :at, :version)
				""")
			.param("id", request.id())
			.param("project", request.projectId().value())
			.param("kind", request.change().kind().name())
			.param("reason", request.reason())
			.param("payload", this.json.writeValueAsString(request.change()))
			.param("state", request.state().name())
			.param("by", request.requestedBy())
			.param("at", Timestamp.from(request.requestedAt()))
			.param("version", request.version())
			.update();
	}

	@Override
	public Optional<ChangeRequest> find(ProjectId projectId, UUID id) {
		return this.jdbc.sql(SELECT + " where id = :id and project_id = :project")
			.param("id", id)
			.param("project", projectId.value())
			.query(this::map)
			.optional();
	}

	@Override
	public boolean update(ChangeRequest next) {
		return this.jdbc.sql("""
				update change_request set state = :state, decided_by = :by, decided_at = :at, decision_reason = :note,
				before_state = cast(:before as jsonb), after_state = cast(:after as jsonb), version = :version
				where id = :id and version = :previous
				""")
			.param("state", next.state().name())
			.param("by", next.decidedBy().orElse(null))
			.param("at", next.decidedAt().map(Timestamp::from).orElse(null))
			.param("note", next.decisionReason().orElse(null))
			.param("before", next.before().map(this.json::writeValueAsString).orElse(null))
			.param("after", next.after().map(this.json::writeValueAsString).orElse(null))
			.param("version", next.version())
			.param("id", next.id())
			.param("previous", next.version() - 1)
			.update() == 1;
	}

	@Override
	public List<ChangeRequest> page(ProjectId projectId, int offset, int limit) {
		return this.jdbc.sql(SELECT + " where project_id = :project order by requested_at desc, id offset :offset limit :limit")
			.param("project", projectId.value())
			.param("offset", offset)
			.param("limit", limit)
			.query(this::map)
			.list();
	}

	@Override
	public void addReallocation(ChangeRequest request, ChangeRequest.BudgetReallocation move, Instant at) {
		this.jdbc.sql("""
				insert into budget_reallocation (id, project_id, change_request_id, from_category, to_category, amount_fen, approved_at)
				values (:id, :project, :request, :from, :to, :amount, :at)
				""")
			.param("id", UUID.randomUUID())
			.param("project", request.projectId().value())
			.param("request", request.id())
			.param("from", move.fromCategory())
			.param("to", move.toCategory())
			.param("amount", move.amountFen())
			.param("at", Timestamp.from(at))
			.update();
	}

	private static final String SELECT = """
			select id, project_id, kind, reason, payload::text as payload, state, requested_by, requested_at, decided_by,
			decided_at, decision_reason, before_state::text as before_state, after_state::text as after_state, version
			from change_request""";

	private ChangeRequest map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		Class<? extends ChangeRequest.Change> type = switch (ChangeRequest.Kind.valueOf(rs.getString("kind"))) {
			case MILESTONE_DATE -> ChangeRequest.MilestoneDate.class;
			case BUDGET_REALLOCATION -> ChangeRequest.BudgetReallocation.class;
			case PARTNER -> ChangeRequest.Partner.class;
			case KPI_TARGET -> ChangeRequest.KpiTargetChange.class;
		};
		return new ChangeRequest(rs.getObject("id", UUID.class), new ProjectId(rs.getObject("project_id", UUID.class)),
				this.json.readValue(rs.getString("payload"), type), rs.getString("reason"),
				ChangeRequest.State.valueOf(rs.getString("state")), rs.getString("requested_by"),
				rs.getTimestamp("requested_at").toInstant(), Optional.ofNullable(rs.getString("decided_by")),
				JdbcTaskBooks.instant(rs.getTimestamp("decided_at")), Optional.ofNullable(rs.getString("decision_reason")),
				Optional.ofNullable(rs.getString("before_state")).map(text -> this.json.readValue(text, MAP)),
				Optional.ofNullable(rs.getString("after_state")).map(text -> this.json.readValue(text, MAP)),
				rs.getLong("version"));
	}

}
