package cn.jiangmen.innovation.review.domain;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Conflict detection on a seeded pool: every rule fires where it should, with its reason and
 * detail, and the near misses (left 4 years ago, co-applied 4 years ago, co-applied with a member
 * rather than the leader, another organisation) are not conflicts.
 */
class ConflictRulesTest {

	static final int YEAR = 2026;

	static final UUID ORG_A = UUID.fromString("00000000-0000-4000-8000-00000000000a");

	static final UUID ORG_B = UUID.fromString("00000000-0000-4000-8000-00000000000b");

	static final UUID ORG_C = UUID.fromString("00000000-0000-4000-8000-00000000000c");

	static final ReviewItemId ITEM = new ReviewItemId(UUID.fromString("00000000-0000-4000-8000-000000000100"));

	static final ItemParties PARTIES = new ItemParties(Set.of(ORG_A, ORG_B), Optional.of("p-lead"),
			Set.of("p-m1", "p-m2"));

	static final List<Expert> POOL = List.of(
			expert("current-employee", "x1", List.of(Affiliation.current(ORG_A, "光电科技", 2019)), List.of(), List.of()),
			expert("left-three-years-ago", "x2", List.of(Affiliation.past(ORG_B, "五邑大学", 2010, 2023)), List.of(), List.of()),
			expert("left-four-years-ago", "x3", List.of(Affiliation.past(ORG_B, "五邑大学", 2010, 2022)), List.of(), List.of()),
			expert("team-member", "p-m1", List.of(), List.of(), List.of()),
			expert("the-leader", "p-lead", List.of(), List.of(), List.of()),
			expert("co-applied-2024", "x6", List.of(), List.of(new CoApplication("p-lead", 2024)), List.of()),
			expert("co-applied-2022", "x7", List.of(), List.of(new CoApplication("p-lead", 2022)), List.of()),
			expert("co-applied-with-member", "x8", List.of(), List.of(new CoApplication("p-m2", 2025)), List.of()),
			expert("declared-person", "x9", List.of(), List.of(),
					List.of(new DeclaredRelationship(DeclaredRelationship.Kind.PERSON, "p-m2", "former student"))),
			expert("declared-organisation", "x10", List.of(), List.of(),
					List.of(new DeclaredRelationship(DeclaredRelationship.Kind.ORGANISATION, ORG_A.toString(), "adviser"))),
			expert("elsewhere", "x11", List.of(Affiliation.current(ORG_C, "其他研究院", 2015)), List.of(),
					List.of(new DeclaredRelationship(DeclaredRelationship.Kind.PERSON, "p-other", ""))),
			expert("two-reasons", "x12", List.of(Affiliation.current(ORG_A, "光电科技", 2020)),
					List.of(new CoApplication("p-lead", 2021), new CoApplication("p-lead", 2026)), List.of()));

	@Test
	void everyRuleFiresWithItsReasonAndNearMissesDoNot() {
		Map<String, List<Conflict>> found = POOL.stream()
			.collect(Collectors.toMap(e -> e.id().subject(), e -> ConflictRules.detect(e, ITEM, PARTIES, YEAR)));

		assertThat(reasons(found, "current-employee")).containsExactly(ConflictReason.ORGANISATION);
		assertThat(found.get("current-employee").get(0).detail()).isEqualTo("works at 光电科技");
		assertThat(reasons(found, "left-three-years-ago")).containsExactly(ConflictReason.ORGANISATION);
		assertThat(found.get("left-three-years-ago").get(0).detail()).isEqualTo("worked at 五邑大学 until 2023");
		assertThat(reasons(found, "team-member")).containsExactly(ConflictReason.TEAM_MEMBER);
		assertThat(reasons(found, "the-leader")).containsExactly(ConflictReason.TEAM_MEMBER);
		assertThat(reasons(found, "co-applied-2024")).containsExactly(ConflictReason.CO_APPLIED_WITH_LEADER);
		assertThat(found.get("co-applied-2024").get(0).detail()).isEqualTo("applied together with the leader in 2024");
		assertThat(reasons(found, "declared-person")).containsExactly(ConflictReason.DECLARED);
		assertThat(found.get("declared-person").get(0).detail()).isEqualTo("declared relationship: former student");
		assertThat(reasons(found, "declared-organisation")).containsExactly(ConflictReason.DECLARED);
		assertThat(reasons(found, "two-reasons")).containsExactly(ConflictReason.ORGANISATION,
				ConflictReason.CO_APPLIED_WITH_LEADER);
		assertThat(found.get("two-reasons").get(1).detail()).endsWith("2026");

		// near misses
		assertThat(found.get("left-four-years-ago")).isEmpty();
		assertThat(found.get("co-applied-2022")).isEmpty();
		assertThat(found.get("co-applied-with-member")).isEmpty();
		assertThat(found.get("elsewhere")).isEmpty();
	}

	@Test
	void everyConflictNamesTheExpertAndTheItem() {
		POOL.forEach(e -> ConflictRules.detect(e, ITEM, PARTIES, YEAR).forEach(c -> {
			assertThat(c.expert()).isEqualTo(e.id());
			assertThat(c.item()).isEqualTo(ITEM);
			assertThat(c.detail()).isNotBlank();
		}));
	}

	@Test
	void theWindowIsCountedFromTheRoundsYear() {
		Expert left2023 = POOL.get(1);
		assertThat(ConflictRules.detect(left2023, ITEM, PARTIES, 2027)).isEmpty();
		assertThat(ConflictRules.detect(left2023, ITEM, PARTIES, 2026)).hasSize(1);
	}

	@Test
	void anItemWithoutPeopleOnlyChecksOrganisationsAndDeclarations() {
		ItemParties orgsOnly = new ItemParties(Set.of(ORG_A), Optional.empty(), Set.of());
		assertThat(POOL.stream().filter(e -> !ConflictRules.detect(e, ITEM, orgsOnly, YEAR).isEmpty()).map(e -> e.id().subject()))
			.containsExactlyInAnyOrder("current-employee", "declared-organisation", "two-reasons");
	}

	@Test
	void eachDetailCarriesItsCodeAndArgumentsBesideTheSentence() {
		Map<String, List<Conflict>> found = POOL.stream()
			.collect(Collectors.toMap(e -> e.id().subject(), e -> ConflictRules.detect(e, ITEM, PARTIES, YEAR)));
		assertThat(found.get("current-employee").get(0)).extracting(Conflict::detailCode, Conflict::detailArguments)
			.containsExactly(ConflictDetailCode.WORKS_AT, List.of("光电科技"));
		assertThat(found.get("left-three-years-ago").get(0)).extracting(Conflict::detailCode, Conflict::detailArguments)
			.containsExactly(ConflictDetailCode.WORKED_AT, List.of("五邑大学", "2023"));
		assertThat(found.get("team-member").get(0)).extracting(Conflict::detailCode, Conflict::detailArguments)
			.containsExactly(ConflictDetailCode.TEAM_MEMBER, List.of());
		assertThat(found.get("co-applied-2024").get(0)).extracting(Conflict::detailCode, Conflict::detailArguments)
			.containsExactly(ConflictDetailCode.CO_APPLIED, List.of("2024"));
		assertThat(found.get("declared-person").get(0)).extracting(Conflict::detailCode, Conflict::detailArguments)
			.containsExactly(ConflictDetailCode.RELATIONSHIP_NOTE, List.of("former student"));
		assertThat(found.get("declared-organisation").get(0).detailCode()).isEqualTo(ConflictDetailCode.RELATIONSHIP_NOTE);
	}

	@Test
	void personsGivenByNameAndOrganisationMatchTheOwnersNameKeys() {
		ItemParties named = new ItemParties(Set.of(ORG_C), Optional.of("id:leader-fingerprint"),
				Set.of("name:leader-at-host"), Set.of("nb:member|1990-01-01", "name:member-at-employer"));
		Expert related = expert("related", "x20", List.of(), List.of(),
				List.of(new DeclaredRelationship(DeclaredRelationship.Kind.PERSON, "name:member-at-employer", "", "王五", ORG_B,
						"五邑大学")));
		Expert coApplied = expert("co-applied", "x21", List.of(),
				List.of(new CoApplication("name:leader-at-host", 2025, "李明", ORG_A, "光电科技")), List.of());
		Expert coAppliedWithMember = expert("co-applied-member", "x22", List.of(),
				List.of(new CoApplication("name:member-at-employer", 2025, "王五", ORG_B, "五邑大学")), List.of());

		assertThat(ConflictRules.detect(related, ITEM, named, YEAR)).singleElement()
			.extracting(Conflict::reason, Conflict::detailCode, Conflict::detailArguments, Conflict::detail)
			.containsExactly(ConflictReason.DECLARED, ConflictDetailCode.RELATIONSHIP_PERSON, List.of("王五", "五邑大学"),
					"declared relationship with 王五 at 五邑大学");
		assertThat(ConflictRules.detect(coApplied, ITEM, named, YEAR)).singleElement()
			.extracting(Conflict::reason, Conflict::detailCode, Conflict::detailArguments)
			.containsExactly(ConflictReason.CO_APPLIED_WITH_LEADER, ConflictDetailCode.CO_APPLIED_PERSON,
					List.of("李明", "光电科技", "2025"));
		assertThat(ConflictRules.detect(coAppliedWithMember, ITEM, named, YEAR)).as("a member is not the leader").isEmpty();
	}

	static List<ConflictReason> reasons(Map<String, List<Conflict>> found, String subject) {
		return found.get(subject).stream().map(Conflict::reason).toList();
	}

	static Expert expert(String subject, String personKey, List<Affiliation> affiliations, List<CoApplication> co,
			List<DeclaredRelationship> relationships) {
		return new Expert(new ExpertId(subject), subject, subject, "", personKey, Set.of("f1"), affiliations, co,
				relationships);
	}

}
