package cn.jiangmen.innovation.review.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;

import cn.jiangmen.innovation.review.domain.Affiliation;
import cn.jiangmen.innovation.review.domain.CoApplication;
import cn.jiangmen.innovation.review.domain.DeclaredRelationship;
import cn.jiangmen.innovation.review.domain.Expert;
import cn.jiangmen.innovation.review.domain.ExpertId;
import cn.jiangmen.innovation.review.domain.Experts;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcExperts implements Experts {

	private final JdbcClient jdbc;

	JdbcExperts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public long save(Expert e, String by, Instant at) {
		return this.jdbc.sql("""
				insert into expert (subject, username, display_name, email, person_key, field_codes, affiliations,
				                    co_applications, relationships, updated_by, updated_at)
				values (:subject, :username, :displayName, :email, :personKey, :fields, cast(:affiliations as jsonb),
				        cast(:co as jsonb), cast(:rel as jsonb), :by, :at)
				on conflict (subject) do update set username = excluded.username, display_name = excluded.display_name,
				    email = excluded.email, person_key = excluded.person_key, field_codes = excluded.field_codes,
				    affiliations = excluded.affiliations, co_applications = excluded.co_applications,
				    relationships = excluded.relationships, updated_by = excluded.updated_by,
				    updated_at = excluded.updated_at, version = expert.version + 1
				returning version
				""")
			.param("subject", e.id().subject())
			.param("username", e.username())
			.param("displayName", e.displayName())
			.param("email", e.email())
			.param("personKey", e.personKey())
			.param("fields", e.fieldCodes().stream().sorted().toArray(String[]::new))
			.param("affiliations", Json.write(e.affiliations().stream().map(a -> {
				Map<String, Object> m = new LinkedHashMap<>();
				m.put("organisationId", a.organisationId().toString());
				m.put("organisationName", a.organisationName());
				m.put("fromYear", a.fromYear());
				m.put("untilYear", a.untilYear().isPresent() ? a.untilYear().getAsInt() : null);
				return m;
			}).toList()))
			.param("co", Json.write(e.coApplications().stream()
				.map(c -> Map.<String, Object>of("personKey", c.personKey(), "year", c.year()))
				.toList()))
			.param("rel", Json.write(e.relationships().stream()
				.map(r -> Map.<String, Object>of("kind", r.kind().name(), "reference", r.reference(), "note", r.note()))
				.toList()))
			.param("by", by)
			.param("at", Timestamp.from(at))
			.query(Long.class)
			.single();
	}

	@Override
	public Optional<Expert> find(ExpertId id) {
		return this.jdbc.sql("select * from expert where subject = :s").param("s", id.subject()).query(JdbcExperts::map).optional();
	}

	@Override
	public List<Expert> all() {
		return this.jdbc.sql("select * from expert order by username").query(JdbcExperts::map).list();
	}

	static Expert map(ResultSet rs, int row) throws SQLException {
		List<Affiliation> affiliations = Json.list(rs.getString("affiliations")).stream().map(m -> {
			Object until = m.get("untilYear");
			return new Affiliation(UUID.fromString((String) m.get("organisationId")), (String) m.get("organisationName"),
					((Number) m.get("fromYear")).intValue(),
					until == null ? OptionalInt.empty() : OptionalInt.of(((Number) until).intValue()));
		}).toList();
		List<CoApplication> co = Json.list(rs.getString("co_applications"))
			.stream()
			.map(m -> new CoApplication((String) m.get("personKey"), ((Number) m.get("year")).intValue()))
			.toList();
		List<DeclaredRelationship> rel = Json.list(rs.getString("relationships"))
			.stream()
			.map(m -> new DeclaredRelationship(DeclaredRelationship.Kind.valueOf((String) m.get("kind")),
					(String) m.get("reference"), (String) m.get("note")))
			.toList();
		return new Expert(new ExpertId(rs.getString("subject")), rs.getString("username"), rs.getString("display_name"),
				rs.getString("email"), rs.getString("person_key"),
				Set.copyOf(Arrays.asList((String[]) rs.getArray("field_codes").getArray())), affiliations, co, rel);
	}

}
