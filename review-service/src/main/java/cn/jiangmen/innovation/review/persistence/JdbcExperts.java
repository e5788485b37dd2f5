package cn.jiangmen.innovation.review.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
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

import tools.jackson.databind.json.JsonMapper;

@Repository
class JdbcExperts implements Experts {

	private static final String COLUMNS = """
			subject, username, display_name, email, person_key, field_codes, affiliations::text as affiliations,
			co_applications::text as co_applications, relationships::text as relationships""";

	/** @param untilYear null while the expert still works there */
	record StoredAffiliation(UUID organisationId, String organisationName, int fromYear, Integer untilYear) {

		static StoredAffiliation of(Affiliation a) {
			return new StoredAffiliation(a.organisationId(), a.organisationName(), a.fromYear(),
					a.untilYear().isPresent() ? a.untilYear().getAsInt() : null);
		}

		Affiliation toAffiliation() {
			return new Affiliation(this.organisationId, this.organisationName, this.fromYear,
					this.untilYear == null ? OptionalInt.empty() : OptionalInt.of(this.untilYear));
		}

	}

	/** Rows saved before people were given by name carry no name and no organisation. */
	record StoredCoApplication(String personKey, int year, String personName, UUID organisationId,
			String organisationName) {
	}

	/** Rows saved before people were given by name carry no name and no organisation. */
	record StoredRelationship(DeclaredRelationship.Kind kind, String reference, String note, String personName,
			UUID organisationId, String organisationName) {
	}

	private final JdbcClient jdbc;

	private final JsonMapper json;

	JdbcExperts(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
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
			.param("affiliations", write(e.affiliations().stream().map(StoredAffiliation::of).toList()))
			.param("co", write(e.coApplications()
				.stream()
				.map(c -> new StoredCoApplication(c.personKey(), c.year(), c.personName(), c.organisationId(),
						c.organisationName()))
				.toList()))
			.param("rel", write(e.relationships()
				.stream()
				.map(r -> new StoredRelationship(r.kind(), r.reference(), r.note(), r.personName(), r.organisationId(),
						r.organisationName()))
				.toList()))
			.param("by", by)
			.param("at", Timestamp.from(at))
			.query(Long.class)
			.single();
	}

	@Override
	public Optional<Expert> find(ExpertId id) {
		return this.jdbc.sql("select " + COLUMNS + " from expert where subject = :s")
			.param("s", id.subject())
			.query(this::map)
			.optional();
	}

	@Override
	public List<Expert> all() {
		return this.jdbc.sql("select " + COLUMNS + " from expert order by username").query(this::map).list();
	}

	private Expert map(ResultSet rs, int row) throws SQLException {
		List<Affiliation> affiliations = Arrays.stream(this.json.readValue(rs.getString("affiliations"), StoredAffiliation[].class))
			.map(StoredAffiliation::toAffiliation)
			.toList();
		List<CoApplication> co = Arrays.stream(this.json.readValue(rs.getString("co_applications"), StoredCoApplication[].class))
			.map(c -> new CoApplication(c.personKey(), c.year(), c.personName(), c.organisationId(), c.organisationName()))
			.toList();
		List<DeclaredRelationship> rel = Arrays.stream(this.json.readValue(rs.getString("relationships"), StoredRelationship[].class))
			.map(r -> new DeclaredRelationship(r.kind(), r.reference(), r.note(), r.personName(), r.organisationId(),
					r.organisationName()))
			.toList();
		return new Expert(new ExpertId(rs.getString("subject")), rs.getString("username"), rs.getString("display_name"),
				rs.getString("email"), rs.getString("person_key"),
				Set.copyOf(Arrays.asList((String[]) rs.getArray("field_codes").getArray())), affiliations, co, rel);
	}

	private String write(List<?> stored) {
		return this.json.writeValueAsString(stored);
	}

}
