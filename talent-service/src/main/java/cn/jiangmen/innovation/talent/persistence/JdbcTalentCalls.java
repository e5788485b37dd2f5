package cn.jiangmen.innovation.talent.persistence;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import cn.jiangmen.innovation.platform.error.ConflictException;
import cn.jiangmen.innovation.talent.domain.CallId;
import cn.jiangmen.innovation.talent.domain.CallStatus;
import cn.jiangmen.innovation.talent.domain.Category;
import cn.jiangmen.innovation.talent.domain.EligibilityRules;
import cn.jiangmen.innovation.talent.domain.ProfessionalTitle;
import cn.jiangmen.innovation.talent.domain.TalentCall;
import cn.jiangmen.innovation.talent.domain.TalentCalls;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Calls in PostgreSQL; categories with their eligibility rules as JSON, the data a manager sets. */
@Repository
class JdbcTalentCalls implements TalentCalls {

	record StoredRules(Integer maxLeaderAge, int minTeamSize, List<String> requiredLeaderTitles,
			boolean leaderFullTime, boolean fieldMustBeInCall) {
	}

	private static final String COLUMNS = "id, title, categories::text as categories, priority_fields, opens_at,"
			+ " closes_at, status, created_at, version";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	JdbcTalentCalls(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	@Override
	public void add(TalentCall call) {
		this.jdbc.sql("""
				insert into talent_call (id, title, categories, priority_fields, opens_at, closes_at, status,
				    created_at, version)
				values (:id, :title, cast(:categories as jsonb), :fields, :opensAt, :closesAt, :status, :createdAt, 0)
				""")
			.param("id", call.id().value())
			.param("title", call.title())
			.param("categories", categories(call))
			.param("fields", call.priorityFields().toArray(String[]::new))
			.param("opensAt", Timestamp.from(call.opensAt()))
			.param("closesAt", Timestamp.from(call.closesAt()))
			.param("status", call.status().name())
			.param("createdAt", Timestamp.from(call.createdAt()))
			.update();
	}

	@Override
	public void update(TalentCall call) {
		int updated = this.jdbc
			.sql("update talent_call set status = :status, version = version + 1 where id = :id and version = :version")
			.param("status", call.status().name())
			.param("id", call.id().value())
			.param("version", call.version())
			.update();
		if (updated != 1) {
			throw new ConflictException("call.changed-concurrently", "The call was changed by someone else");
		}
	}

	@Override
	public Optional<TalentCall> find(CallId id) {
		return this.jdbc.sql("select " + COLUMNS + " from talent_call where id = :id")
			.param("id", id.value())
			.query(this::map)
			.optional();
	}

	@Override
	public List<TalentCall> all() {
		return this.jdbc.sql("select " + COLUMNS + " from talent_call order by closes_at desc, id")
			.query(this::map)
			.list();
	}

	private String categories(TalentCall call) {
		Map<String, StoredRules> stored = new LinkedHashMap<>();
		call.categories()
			.forEach((category, rules) -> stored.put(category.name(),
					new StoredRules(rules.maxLeaderAge(), rules.minTeamSize(),
							rules.requiredLeaderTitles().stream().map(Enum::name).sorted().toList(),
							rules.leaderFullTime(), rules.fieldMustBeInCall())));
		return this.json.writeValueAsString(stored);
	}

	private TalentCall map(ResultSet rs, int row) throws SQLException {
		Map<String, StoredRules> stored = this.json.readValue(rs.getString("categories"),
				new TypeReference<Map<String, StoredRules>>() {
				});
		Map<Category, EligibilityRules> categories = new EnumMap<>(Category.class);
		stored.forEach((name, rules) -> categories.put(Category.valueOf(name),
				new EligibilityRules(rules.maxLeaderAge(), rules.minTeamSize(),
						rules.requiredLeaderTitles().stream().map(ProfessionalTitle::valueOf).collect(Collectors.toSet()),
						rules.leaderFullTime(), rules.fieldMustBeInCall())));
		Array fields = rs.getArray("priority_fields");
		List<String> priorityFields = new ArrayList<>(Arrays.asList((String[]) fields.getArray()));
		return new TalentCall(new CallId(rs.getObject("id", UUID.class)), rs.getString("title"), categories,
				priorityFields, rs.getTimestamp("opens_at").toInstant(), rs.getTimestamp("closes_at").toInstant(),
				CallStatus.valueOf(rs.getString("status")), rs.getTimestamp("created_at").toInstant(),
				rs.getLong("version"));
	}

}
