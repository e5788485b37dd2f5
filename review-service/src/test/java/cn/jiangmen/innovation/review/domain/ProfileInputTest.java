package cn.jiangmen.innovation.review.domain;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import cn.jiangmen.innovation.platform.domain.PersonNameKey;

import cn.jiangmen.innovation.platform.error.FieldViolation;
import cn.jiangmen.innovation.platform.error.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProfileInputTest {

	static final String ORG = "7d1c2a8e-0000-4000-8000-000000000001";

	static final ExpertId ID = new ExpertId("sub-1");

	static final PersonNameKey KEYS = PersonNameKey
		.hmacSha256("test-only-person-key-secret-0123456789".getBytes(StandardCharsets.UTF_8));

	@Test
	void everyBadRowIsNamedAtOnce() {
		ProfileInput input = new ProfileInput("陈专家", "no-at-sign", null, List.of("rail-transit-equipment", " "),
				List.of(new ProfileInput.AffiliationInput("x", "", 1949, null),
						new ProfileInput.AffiliationInput(ORG, "光电科技", 2015, 2012),
						new ProfileInput.AffiliationInput(ORG, "光电科技", 2015, 2031)),
				List.of(new ProfileInput.CoApplicationInput("", 2024), new ProfileInput.CoApplicationInput("leader", null)),
				List.of(new ProfileInput.RelationshipInput("FRIEND", "p-1", ""),
						new ProfileInput.RelationshipInput("ORGANISATION", "光电科技", ""),
						new ProfileInput.RelationshipInput("PERSON", "", "")));
		assertThatThrownBy(() -> input.toExpert(ID, "expert1", 2030, KEYS)).isInstanceOfSatisfying(InvalidInputException.class,
				ex -> assertThat(ex.violations()).extracting(FieldViolation::field)
					.containsExactly("email", "fieldCodes[1]", "affiliations[0].organisationId",
							"affiliations[0].organisationName", "affiliations[0].fromYear", "affiliations[1].untilYear",
							"affiliations[2].untilYear", "coApplications[0].personName",
							"coApplications[0].organisationName", "coApplications[1].year", "relationships[0].kind",
							"relationships[1].reference", "relationships[2].personName",
							"relationships[2].organisationName"));
	}

	@Test
	void personsGivenByNameAndOrganisationGetTheOwnersKeyAndOldKeysAreKept() {
		Expert expert = new ProfileInput("陈专家", "", null, List.of(), List.of(),
				List.of(new ProfileInput.CoApplicationInput("ignored-when-named", 2024, " 李 明 ", ORG, "江门市光电科技有限公司"),
						new ProfileInput.CoApplicationInput("nb:林涛|1970-02-14", 2019)),
				List.of(new ProfileInput.RelationshipInput("PERSON", "", "学生", "王五", ORG, "江门市光电科技有限公司"),
						new ProfileInput.RelationshipInput("PERSON", "pk-cousin", "表兄")))
			.toExpert(ID, "expert1", 2026, KEYS);
		assertThat(expert.coApplications()).containsExactly(
				new CoApplication(KEYS.of("李明", "江门市光电科技有限公司").orElseThrow(), 2024, "李 明", UUID.fromString(ORG),
						"江门市光电科技有限公司"),
				new CoApplication("nb:林涛|1970-02-14", 2019));
		assertThat(expert.relationships()).containsExactly(
				new DeclaredRelationship(DeclaredRelationship.Kind.PERSON, KEYS.of("王五", "江门市光电科技有限公司").orElseThrow(),
						"学生", "王五", UUID.fromString(ORG), "江门市光电科技有限公司"),
				new DeclaredRelationship(DeclaredRelationship.Kind.PERSON, "pk-cousin", "表兄"));
	}

	@Test
	void aNamedPersonNeedsTheOrganisationsId() {
		assertThatThrownBy(() -> new ProfileInput("陈专家", "", null, List.of(), List.of(),
				List.of(new ProfileInput.CoApplicationInput(null, 2024, "李明", "not-a-uuid", "江门市光电科技有限公司")),
				List.of(new ProfileInput.RelationshipInput("PERSON", null, "", "王五", "", "")))
			.toExpert(ID, "expert1", 2026, KEYS)).isInstanceOfSatisfying(InvalidInputException.class,
					ex -> assertThat(ex.violations()).extracting(FieldViolation::field)
						.containsExactly("coApplications[0].organisationId", "relationships[0].organisationName"));
	}

	@Test
	void aCheckedProfileKeepsCurrentAndPastOrganisationsAndDropsRepeatedFields() {
		Expert expert = new ProfileInput(" 陈专家 ", "chen@example.org", "", List.of("a", "a ", "b"),
				List.of(new ProfileInput.AffiliationInput(ORG, "光电科技", 2008, 2014),
						new ProfileInput.AffiliationInput(" " + ORG + " ", "五邑大学", 2015, null)),
				List.of(new ProfileInput.CoApplicationInput(" leader ", 2024)),
				List.of(new ProfileInput.RelationshipInput("ORGANISATION", ORG, "配偶任职")))
			.toExpert(ID, "expert1", 2026, KEYS);
		assertThat(expert.displayName()).isEqualTo("陈专家");
		assertThat(expert.personKey()).isEqualTo("sub-1");
		assertThat(expert.fieldCodes()).containsExactlyInAnyOrder("a", "b");
		assertThat(expert.affiliations()).extracting(Affiliation::isCurrent).containsExactly(false, true);
		assertThat(expert.coApplications()).containsExactly(new CoApplication("leader", 2024));
		assertThat(expert.relationships().get(0).kind()).isEqualTo(DeclaredRelationship.Kind.ORGANISATION);
	}

}
