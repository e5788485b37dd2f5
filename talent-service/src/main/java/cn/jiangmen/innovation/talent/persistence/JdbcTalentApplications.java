package cn.jiangmen.innovation.talent.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import cn.jiangmen.innovation.platform.error.ConflictException;
import cn.jiangmen.innovation.talent.domain.ApplicationContent;
import cn.jiangmen.innovation.talent.domain.ApplicationId;
import cn.jiangmen.innovation.talent.domain.ApplicationStatus;
import cn.jiangmen.innovation.talent.domain.CallId;
import cn.jiangmen.innovation.talent.domain.Category;
import cn.jiangmen.innovation.talent.domain.CreditCode;
import cn.jiangmen.innovation.talent.domain.Degree;
import cn.jiangmen.innovation.talent.domain.HostOrganisation;
import cn.jiangmen.innovation.talent.domain.MemberRole;
import cn.jiangmen.innovation.talent.domain.Orcid;
import cn.jiangmen.innovation.talent.domain.OrganisationId;
import cn.jiangmen.innovation.talent.domain.OrganisationKind;
import cn.jiangmen.innovation.talent.domain.ProfessionalTitle;
import cn.jiangmen.innovation.talent.domain.ReviewOutcome;
import cn.jiangmen.innovation.talent.domain.TalentApplication;
import cn.jiangmen.innovation.talent.domain.TalentApplications;
import cn.jiangmen.innovation.talent.domain.TeamMember;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applications in PostgreSQL: scalar fields as columns, the team as JSON (members have no identity
 * of their own), the people's keys in {@code talent_application_person} for the duplicate check.
 * Updates are optimistic: a row changed since it was read is a conflict, never overwritten.
 */
@Repository
class JdbcTalentApplications implements TalentApplications {

	private static final String COLUMNS = """
			id, call_id, organisation_id, title, status, created_at, updated_at, version, category, priority_field,
			summary, host_name, host_credit_code, host_kind, team::text as team, submitted_at,
			return_reasons::text as return_reasons, correction_due_at, decision_note, review_item_id, review_rank,
			review_score_hundredths, review_passed_thresholds, review_confirmed_at""";

	/** How a team member is stored; enum names and ISO dates, no document number. */
	record StoredMember(String name, String role, String title, String degree, LocalDate birthDate,
			String nationality, String employer, Boolean fullTime, String orcid, String identityHash) {
	}

	private final JdbcClient jdbc;

	private final JsonMapper json;

	JdbcTalentApplications(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	@Override
	public void add(TalentApplication application) {
		this.jdbc.sql("""
				insert into talent_application (id, call_id, organisation_id, title, status, created_at, updated_at,
				    version, category, priority_field, summary, host_name, host_credit_code, host_kind, team,
				    submitted_at, return_reasons, correction_due_at, decision_note, review_item_id, review_rank,
				    review_score_hundredths, review_passed_thresholds, review_confirmed_at)
				values (:id, :callId, :organisationId, :title, :status, :createdAt, :updatedAt, 0, :category,
				    :priorityField, :summary, :hostName, :hostCreditCode, :hostKind, cast(:team as jsonb),
				    :submittedAt, cast(:returnReasons as jsonb), :correctionDueAt, :decisionNote, :reviewItemId,
				    :reviewRank, :reviewScore, :reviewPassed, :reviewConfirmedAt)
				""")
			.params(params(application))
			.update();
		replacePeople(application);
	}

	@Override
	public void update(TalentApplication application) {
		int updated = this.jdbc.sql("""
				update talent_application set title = :title, status = :status, updated_at = :updatedAt,
				    version = version + 1, category = :category, priority_field = :priorityField, summary = :summary,
				    host_name = :hostName, host_credit_code = :hostCreditCode, host_kind = :hostKind,
				    team = cast(:team as jsonb), submitted_at = :submittedAt,
				    return_reasons = cast(:returnReasons as jsonb), correction_due_at = :correctionDueAt,
				    decision_note = :decisionNote, review_item_id = :reviewItemId, review_rank = :reviewRank,
				    review_score_hundredths = :reviewScore, review_passed_thresholds = :reviewPassed,
				    review_confirmed_at = :reviewConfirmedAt
				where id = :id and version = :version
				""")
			.params(params(application))
			.param("version", application.version())
			.update();
		if (updated != 1) {
			throw new ConflictException("application.changed-concurrently",
					"The application was changed by someone else since it was read; reload and try again");
		}
		replacePeople(application);
	}

	@Override
	public Optional<TalentApplication> find(ApplicationId id) {
		return this.jdbc.sql("select " + COLUMNS + " from talent_application where id = :id")
			.param("id", id.value())
			.query(this::map)
			.optional();
	}

	@Override
	public Optional<TalentApplication> lock(ApplicationId id) {
		return this.jdbc.sql("select " + COLUMNS + " from talent_application where id = :id for update")
			.param("id", id.value())
			.query(this::map)
			.optional();
	}

	@Override
	public List<TalentApplication> lockDraftsOf(OrganisationId organisationId, CallId callId) {
		this.jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:key, 0))")
			.param("key", "talent-draft:" + organisationId.value() + ":" + callId.value())
			.query((rs, row) -> 1)
			.list();
		return this.jdbc.sql("select " + COLUMNS + " from talent_application where organisation_id = :org"
				+ " and call_id = :call and status = 'DRAFT' order by created_at, id")
			.param("org", organisationId.value())
			.param("call", callId.value())
			.query(this::map)
			.list();
	}

	@Override
	public void remove(TalentApplication application) {
		int removed = this.jdbc.sql("delete from talent_application where id = :id and version = :version")
			.param("id", application.id().value())
			.param("version", application.version())
			.update();
		if (removed != 1) {
			throw new ConflictException("application.changed-concurrently",
					"The application was changed by someone else since it was read; reload and try again");
		}
	}

	@Override
	public List<TalentApplication> ofOrganisation(OrganisationId organisationId, int offset, int limit) {
		return this.jdbc.sql("select " + COLUMNS + " from talent_application where organisation_id = :org"
				+ " order by updated_at desc, id offset :offset limit :limit")
			.param("org", organisationId.value())
			.param("offset", offset)
			.param("limit", limit)
			.query(this::map)
			.list();
	}

	@Override
	public List<TalentApplication> all(int offset, int limit) {
		return this.jdbc.sql("select " + COLUMNS + " from talent_application"
				+ " order by updated_at desc, id offset :offset limit :limit")
			.param("offset", offset)
			.param("limit", limit)
			.query(this::map)
			.list();
	}

	@Override
	public List<TalentApplication> ofCall(CallId callId, Set<ApplicationStatus> states) {
		return this.jdbc.sql("select " + COLUMNS + " from talent_application where call_id = :call"
				+ " and status in (:states) order by review_rank nulls last, submitted_at nulls last, id")
			.param("call", callId.value())
			.param("states", states.stream().map(Enum::name).toList())
			.query(this::map)
			.list();
	}

	@Override
	public List<String> duplicatePersons(TalentApplication application) {
		return this.jdbc.sql("""
				select distinct mine.person_name
				from talent_application_person mine
				join talent_application_person other
				  on other.call_id = mine.call_id and other.person_key = mine.person_key
				 and other.application_id <> mine.application_id
				join talent_application a on a.id = other.application_id and a.status <> 'WITHDRAWN'
				where mine.application_id = :id
				order by mine.person_name
				""")
			.param("id", application.id().value())
			.query(String.class)
			.list();
	}

	@Override
	public List<String> fundedElsewhere(TalentApplication application, Instant awardedSince) {
		return this.jdbc.sql("""
				select distinct mine.person_name
				from talent_application_person mine
				join talent_application_person other
				  on other.person_key = mine.person_key and other.call_id <> mine.call_id
				join talent_application a on a.id = other.application_id
				 and a.status = 'AWARDED' and a.updated_at >= :since
				where mine.application_id = :id
				order by mine.person_name
				""")
			.param("id", application.id().value())
			.param("since", Timestamp.from(awardedSince))
			.query(String.class)
			.list();
	}

	private void replacePeople(TalentApplication application) {
		this.jdbc.sql("delete from talent_application_person where application_id = :id")
			.param("id", application.id().value())
			.update();
		Map<String, String> people = new LinkedHashMap<>();
		for (TeamMember member : application.content().team()) {
			member.personKey().ifPresent(key -> people.putIfAbsent(key, member.name()));
		}
		people.forEach((key, name) -> this.jdbc.sql("""
				insert into talent_application_person (application_id, call_id, person_key, person_name)
				values (:id, :call, :key, :name)
				""")
			.param("id", application.id().value())
			.param("call", application.callId().value())
			.param("key", key)
			.param("name", name)
			.update());
	}

	private Map<String, Object> params(TalentApplication a) {
		ApplicationContent c = a.content();
		ReviewOutcome outcome = a.reviewOutcome();
		Map<String, Object> p = new LinkedHashMap<>();
		p.put("id", a.id().value());
		p.put("callId", a.callId().value());
		p.put("organisationId", a.organisationId().value());
		p.put("title", c.title());
		p.put("status", a.status().name());
		p.put("createdAt", Timestamp.from(a.createdAt()));
		p.put("updatedAt", Timestamp.from(a.updatedAt()));
		p.put("category", c.category() == null ? null : c.category().name());
		p.put("priorityField", c.priorityField());
		p.put("summary", c.summary());
		p.put("hostName", c.host().name());
		p.put("hostCreditCode", c.host().creditCode() == null ? null : c.host().creditCode().value());
		p.put("hostKind", c.host().kind() == null ? null : c.host().kind().name());
		p.put("team", this.json.writeValueAsString(c.team().stream().map(JdbcTalentApplications::stored).toList()));
		p.put("submittedAt", timestamp(a.submittedAt()));
		p.put("returnReasons", this.json.writeValueAsString(a.returnReasons()));
		p.put("correctionDueAt", timestamp(a.correctionDueAt()));
		p.put("decisionNote", a.decisionNote());
		p.put("reviewItemId", outcome == null ? null : outcome.reviewItemId());
		p.put("reviewRank", outcome == null ? null : outcome.rank());
		p.put("reviewScore", outcome == null ? null : outcome.scoreHundredths());
		p.put("reviewPassed", outcome == null ? null : outcome.passedThresholds());
		p.put("reviewConfirmedAt", outcome == null ? null : timestamp(outcome.confirmedAt()));
		return p;
	}

	private static StoredMember stored(TeamMember m) {
		return new StoredMember(m.name(), name(m.role()), name(m.title()), name(m.degree()), m.birthDate(),
				m.nationality(), m.employer(), m.fullTime(), m.orcid() == null ? null : m.orcid().value(),
				m.identityHash());
	}

	private static TeamMember member(StoredMember s) {
		return new TeamMember(s.name(), value(MemberRole.class, s.role()), value(ProfessionalTitle.class, s.title()),
				value(Degree.class, s.degree()), s.birthDate(), s.nationality(), s.employer(), s.fullTime(),
				s.orcid() == null ? null : new Orcid(s.orcid()), s.identityHash());
	}

	private TalentApplication map(ResultSet rs, int row) throws SQLException {
		List<StoredMember> team = this.json.readValue(rs.getString("team"), new TypeReference<List<StoredMember>>() {
		});
		List<String> reasons = this.json.readValue(rs.getString("return_reasons"), new TypeReference<List<String>>() {
		});
		String creditCode = rs.getString("host_credit_code");
		ApplicationContent content = new ApplicationContent(rs.getString("title"),
				value(Category.class, rs.getString("category")), rs.getString("priority_field"),
				rs.getString("summary"),
				new HostOrganisation(rs.getString("host_name"), creditCode == null ? null : new CreditCode(creditCode),
						value(OrganisationKind.class, rs.getString("host_kind"))),
				new ArrayList<>(team.stream().map(JdbcTalentApplications::member).toList()));
		UUID reviewItem = rs.getObject("review_item_id", UUID.class);
		ReviewOutcome outcome = reviewItem == null ? null
				: new ReviewOutcome(reviewItem, rs.getInt("review_rank"), rs.getInt("review_score_hundredths"),
						rs.getBoolean("review_passed_thresholds"), instant(rs.getTimestamp("review_confirmed_at")));
		return new TalentApplication(new ApplicationId(rs.getObject("id", UUID.class)),
				new CallId(rs.getObject("call_id", UUID.class)),
				new OrganisationId(rs.getObject("organisation_id", UUID.class)), content,
				ApplicationStatus.valueOf(rs.getString("status")), instant(rs.getTimestamp("submitted_at")), reasons,
				instant(rs.getTimestamp("correction_due_at")), rs.getString("decision_note"), outcome,
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
				rs.getLong("version"));
	}

	static Timestamp timestamp(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

	static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

	private static String name(Enum<?> value) {
		return value == null ? null : value.name();
	}

	private static <E extends Enum<E>> E value(Class<E> type, String name) {
		return name == null ? null : Enum.valueOf(type, name);
	}

}
