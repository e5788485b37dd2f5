package cn.jiangmen.innovation.review;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import cn.jiangmen.innovation.contracts.common.v1.OwningContext;
import cn.jiangmen.innovation.contracts.review.v1.ConflictDetailCode;
import cn.jiangmen.innovation.contracts.review.v1.ExpertAffiliation;
import cn.jiangmen.innovation.contracts.review.v1.ExpertCoApplication;
import cn.jiangmen.innovation.contracts.review.v1.ExpertProfile;
import cn.jiangmen.innovation.contracts.review.v1.ExpertRelationship;
import cn.jiangmen.innovation.contracts.review.v1.GetMyProfileRequest;
import cn.jiangmen.innovation.contracts.review.v1.GetRoundPanelRequest;
import cn.jiangmen.innovation.contracts.review.v1.OpenReviewRequest;
import cn.jiangmen.innovation.contracts.review.v1.Organisation;
import cn.jiangmen.innovation.contracts.review.v1.PanelConflict;
import cn.jiangmen.innovation.contracts.review.v1.RelationshipKind;
import cn.jiangmen.innovation.contracts.review.v1.ReviewServiceGrpc;
import cn.jiangmen.innovation.contracts.review.v1.SaveMyProfileRequest;
import cn.jiangmen.innovation.platform.domain.PersonNameKey;
import cn.jiangmen.innovation.testsupport.ServiceIntegrationTest;
import cn.jiangmen.innovation.testsupport.ServiceTestProperties;
import cn.jiangmen.innovation.testsupport.client.GrpcChannels;
import cn.jiangmen.innovation.testsupport.client.HttpProbe;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Conflicts with people an expert names by name and organisation: the owner sends its team as keys
 * (talent: the keyed name keys of platform's {@link PersonNameKey} beside its own keys), the expert
 * gives a name and chooses an organisation, and review-service derives the same key. Each conflict
 * carries its detail as a code with arguments; conflicts recorded before codes existed are converted
 * by the migration, and profiles saved with bare keys still match.
 */
@TestPropertySource(properties = { "jiangmen.outbox.relay.enabled=false", "review.reminders.enabled=false" })
class PersonConflictsIT extends ServiceIntegrationTest {

	static final String HOST = "7d1c2a8e-0000-4000-8000-000000000001";

	static final String WUYI = "7d1c2a8e-0000-4000-8000-000000000002";

	static final String ELSEWHERE = "7d1c2a8e-0000-4000-8000-0000000000a3";

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		ServiceTestProperties.register(registry, "review_it");
	}

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	PersonNameKey keys;

	Api api;

	@BeforeEach
	void prepare() {
		ReviewTables.clear(this.jdbc);
		this.api = new Api("http://localhost:" + this.port);
	}

	@Test
	void aPersonGivenByNameAndOrganisationMatchesTheOwnersTeamAndEachDetailIsCoded() {
		int lastYear = Instant.now().atZone(ZoneOffset.UTC).getYear() - 1;
		// expert1: a relationship with a team member, given as a person would (name, organisation from the directory)
		save("expert1", ExpertProfile.newBuilder()
			.setDisplayName("陈专家")
			.addAffiliations(ExpertAffiliation.newBuilder().setOrganisationId(ELSEWHERE).setOrganisationName("暨南大学")
				.setFromYear(2010))
			.addRelationships(ExpertRelationship.newBuilder()
				.setKind(RelationshipKind.RELATIONSHIP_KIND_PERSON)
				.setPersonName("王 五")
				.setOrganisationId(WUYI)
				.setOrganisationName("五邑大学")
				.setNote("我的博士生")));
		// expert2: applied together with the leader last year
		save("expert2", ExpertProfile.newBuilder()
			.setDisplayName("刘专家")
			.addCoApplications(ExpertCoApplication.newBuilder()
				.setPersonName("李明")
				.setOrganisationId(HOST)
				.setOrganisationName("江门市光电科技有限公司")
				.setYear(lastYear)));
		// expert3: a profile as saved before people were given by name, with the owner's bare key
		save("expert3", ExpertProfile.newBuilder()
			.setDisplayName("黄专家")
			.addRelationships(ExpertRelationship.newBuilder()
				.setKind(RelationshipKind.RELATIONSHIP_KIND_PERSON)
				.setReference("nb:member2|1990-01-02")));
		// expert4: the same name at another organisation is another person
		save("expert4", ExpertProfile.newBuilder()
			.setDisplayName("吴专家")
			.addRelationships(ExpertRelationship.newBuilder()
				.setKind(RelationshipKind.RELATIONSHIP_KIND_PERSON)
				.setPersonName("王五")
				.setOrganisationId(ELSEWHERE)
				.setOrganisationName("暨南大学")));

		save("expert5", ExpertProfile.newBuilder().setDisplayName("郑专家"));

		var mine = stub("expert1").getMyProfile(GetMyProfileRequest.getDefaultInstance()).getProfile();
		assertThat(mine.getRelationships(0)).satisfies(r -> {
			assertThat(r.getPersonName()).isEqualTo("王 五");
			assertThat(r.getOrganisationName()).isEqualTo("五邑大学");
			assertThat(r.getReference()).isEqualTo(key("王五", "五邑大学")).doesNotContain("王五");
		});

		// as talent-service hands an application over: keys only, never names
		String item = stub(null).openReview(OpenReviewRequest.newBuilder()
			.setIdempotencyKey("person-it-" + UUID.randomUUID())
			.setOwningContext(OwningContext.OWNING_CONTEXT_TALENT)
			.setItemId(UUID.randomUUID().toString())
			.setTitle("可见光通信团队")
			.addFieldCodes("semiconductor-lighting")
			.addOrganisations(Organisation.newBuilder().setId(HOST).setName("江门市光电科技有限公司"))
			.setLeaderPersonKey("id:0f0f")
			.addLeaderNameKeys(key("李明", "江门市光电科技有限公司"))
			.addMemberPersonKeys("nb:member2|1990-01-02")
			.addMemberPersonKeys(key("王五", "江门市光电科技有限公司"))
			.addMemberPersonKeys(key("王五", "五邑大学"))
			.build()).getReviewItemId();
		HttpProbe.Response opened = this.api.post("/api/review/rounds", token("manager"), roundJson(item));
		assertThat(opened.status()).as(opened.body()).isEqualTo(201);
		String round = opened.json().get("round").get("id").asString();

		List<PanelConflict> conflicts = stub("auditor")
			.getRoundPanel(GetRoundPanelRequest.newBuilder().setRoundId(round).build())
			.getConflictsList();
		assertThat(conflicts).extracting(c -> username(c.getExpert()), PanelConflict::getDetailCode,
				c -> List.copyOf(c.getDetailArgumentsList()))
			.containsExactlyInAnyOrder(
					org.assertj.core.groups.Tuple.tuple("expert1", ConflictDetailCode.CONFLICT_DETAIL_CODE_RELATIONSHIP_PERSON_NOTE,
							List.of("王 五", "五邑大学", "我的博士生")),
					org.assertj.core.groups.Tuple.tuple("expert2", ConflictDetailCode.CONFLICT_DETAIL_CODE_CO_APPLIED_PERSON,
							List.of("李明", "江门市光电科技有限公司", Integer.toString(lastYear))),
					org.assertj.core.groups.Tuple.tuple("expert3", ConflictDetailCode.CONFLICT_DETAIL_CODE_RELATIONSHIP,
							List.of()));
		// the English sentence stays as the record, and REST readers get the code too
		JsonNode rest = this.api.get("/api/review/rounds/" + round + "/conflicts", token("manager")).json();
		assertThat(rest.findValuesAsString("detailCode")).containsExactlyInAnyOrder("RELATIONSHIP_PERSON_NOTE",
				"CO_APPLIED_PERSON", "RELATIONSHIP");
		assertThat(rest.findValuesAsString("detail")).contains("declared relationship with 王 五 at 五邑大学: 我的博士生",
				"declared relationship");
		// a manager's own words have no code
		String expert5 = subject("expert5");
		assertThat(conflicts).extracting(PanelConflict::getExpert).doesNotContain(expert5, subject("expert4"));
		assertThat(this.api.post("/api/review/rounds/" + round + "/conflicts", token("manager"),
				"{\"itemId\":\"" + item + "\",\"expert\":\"" + expert5 + "\",\"detail\":\"同一课题组\"}").status())
			.isEqualTo(201);
		assertThat(stub("manager").getRoundPanel(GetRoundPanelRequest.newBuilder().setRoundId(round).build())
			.getConflictsList()
			.stream()
			.filter(c -> c.getExpert().equals(expert5))
			.findFirst()
			.orElseThrow()).satisfies(c -> {
				assertThat(c.getDetailCode()).isEqualTo(ConflictDetailCode.CONFLICT_DETAIL_CODE_UNSPECIFIED);
				assertThat(c.getDetail()).isEqualTo("同一课题组");
				assertThat(c.getDetailArgumentsList()).isEmpty();
			});
	}

	/**
	 * A database as main left it (migrations up to V5, conflicts with English sentences, profiles with
	 * bare keys) takes V30: every rule's sentence becomes its code with arguments, a manager's words
	 * stay uncoded, and old profiles are read with no name and their key.
	 */
	@Test
	void conflictsAndProfilesRecordedBeforeCodesAreConverted() {
		String schema = "conflict_codes_migration_it";
		this.jdbc.sql("drop schema if exists " + schema + " cascade").update();
		try {
			flyway(schema, "5").migrate();
			JdbcClient old = JdbcClient.create(this.dataSource);
			UUID round = UUID.randomUUID();
			UUID item = UUID.randomUUID();
			old.sql("insert into " + schema + ".review_item (id, idempotency_key, owning_context, item_id, title, state, opened_by, opened_at)"
					+ " values (:id, 'k', 'TALENT', :owner, 't', 'IN_REVIEW', 'svc', now())")
				.param("id", item)
				.param("owner", UUID.randomUUID())
				.update();
			old.sql("insert into " + schema + ".expert (subject, username, display_name, person_key, co_applications,"
					+ " relationships, updated_by, updated_at) values ('e1', 'expert1', '陈专家', 'e1',"
					+ " '[{\"personKey\": \"nb:林涛|1970-02-14\", \"year\": 2019}]',"
					+ " '[{\"kind\": \"PERSON\", \"reference\": \"pk-cousin\", \"note\": \"表兄\"}]', 'seed', now())")
				.update();
			old.sql("insert into " + schema + ".review_round (id, name, owning_context, rubric, blind, deadline,"
					+ " reviewers_per_item, max_items_per_expert, disagreement_limit, state, opened_by, opened_at)"
					+ " values (:id, 'r', 'TALENT', '{}', true, now(), 1, 1, 1, 'OPEN', 'm', now())")
				.param("id", round)
				.update();
			String[][] rows = { { "ORGANISATION", "works at 江门市光电科技有限公司" },
					{ "ORGANISATION", "worked at 五邑大学 until 2023" }, { "TEAM_MEMBER", "is on the team of the item" },
					{ "CO_APPLIED_WITH_LEADER", "applied together with the leader in 2024" },
					{ "DECLARED", "declared relationship: 表兄" }, { "DECLARED", "declared relationship" },
					{ "DECLARED", "declared by the expert: 曾是合作者\n第二行" }, { "DECLARED", "declared by the expert" },
					{ "MANUAL", "works at the same lab" } };
			for (String[] row : rows) {
				old.sql("insert into " + schema + ".conflict (id, round_id, item_id, expert, reason, detail, recorded_by, recorded_at)"
						+ " values (:id, :round, :item, 'e1', :reason, :detail, 'm', :at)")
					.param("id", UUID.randomUUID())
					.param("round", round)
					.param("item", item)
					.param("reason", row[0])
					.param("detail", row[1])
					.param("at", Timestamp.from(Instant.now()))
					.update();
			}

			assertThat(flyway(schema, "latest").migrate().migrationsExecuted).isGreaterThan(0);

			List<String> converted = old.sql("select detail_code, detail_arguments from " + schema
					+ ".conflict order by reason, detail")
				.query((rs, n) -> rs.getString("detail_code") + Arrays.toString((String[]) rs.getArray("detail_arguments").getArray()))
				.list();
			assertThat(converted).containsExactlyInAnyOrder("CO_APPLIED[2024]", "DECLARED[]", "DECLARED_NOTE[曾是合作者\n第二行]",
					"RELATIONSHIP[]", "RELATIONSHIP_NOTE[表兄]", "NONE[]", "WORKED_AT[五邑大学, 2023]",
					"WORKS_AT[江门市光电科技有限公司]", "TEAM_MEMBER[]");
			assertThat(old.sql("select co_applications::text || relationships::text from " + schema + ".expert")
				.query(String.class)
				.single()).contains("\"personKey\": \"nb:林涛|1970-02-14\"", "\"reference\": \"pk-cousin\"",
						"\"personName\": \"\"", "\"organisationId\": null");
		}
		finally {
			this.jdbc.sql("drop schema if exists " + schema + " cascade").update();
		}
	}

	private Flyway flyway(String schema, String target) {
		return Flyway.configure()
			.dataSource(this.dataSource)
			.schemas(schema)
			.createSchemas(true)
			.locations("classpath:db/migration", "classpath:db/platform")
			.target(target)
			.load();
	}

	private void save(String user, ExpertProfile.Builder profile) {
		stub(user).saveMyProfile(SaveMyProfileRequest.newBuilder()
			.setProfile(profile.setEmail(user + "@example.org").addFieldCodes("semiconductor-lighting"))
			.build());
	}

	private String key(String person, String organisation) {
		return this.keys.of(person, organisation).orElseThrow();
	}

	private String subject(String user) {
		return stub(user).getMyProfile(GetMyProfileRequest.getDefaultInstance()).getProfile().getSubject();
	}

	private String username(String subject) {
		return this.jdbc.sql("select username from expert where subject = :s").param("s", subject).query(String.class).single();
	}

	/** A user's stub; null: the service account's, as the owning services call. */
	private ReviewServiceGrpc.ReviewServiceBlockingStub stub(String user) {
		return GrpcChannels.withToken(ReviewServiceGrpc.newBlockingStub(this.channel),
				user == null ? infra.tokens().serviceAccountToken() : token(user));
	}

	private static String roundJson(String item) {
		return """
				{"name":"按人名检测回避","owningContext":"TALENT","reviewItemIds":["%s"],
				 "rubric":{"criteria":[{"code":"innovation","name":"创新性","weightPercent":100,"threshold":0}],
				           "scaleMin":1,"scaleMax":5,"overallThresholdHundredths":0},
				 "blind":true,"deadline":"%s","reviewersPerItem":1,"maxItemsPerExpert":2,
				 "disagreementLimitHundredths":1500}
				""".formatted(item, Instant.now().plus(14, ChronoUnit.DAYS));
	}

}
