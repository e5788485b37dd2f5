package cn.jiangmen.innovation.talent.domain;

import java.time.LocalDate;
import java.util.List;

import cn.jiangmen.innovation.platform.error.FieldViolation;
import cn.jiangmen.innovation.platform.error.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApplicationFormTest {

	private static final LocalDate TODAY = LocalDate.of(2026, 4, 15);

	@Test
	void aDraftNeedsOnlyATitle() {
		ApplicationContent content = new ApplicationForm(" Team ", null, null, null, null, null, null, null)
			.parse(TODAY, Fixtures.FINGERPRINT);
		assertThat(content.title()).isEqualTo("Team");
		assertThat(content.missing()).isNotEmpty();
	}

	@Test
	void everyMalformedFieldIsReportedAtOnce() {
		ApplicationForm form = new ApplicationForm("", "NO_SUCH", "F", null, "Host", "91440300708461136A", "SHOP",
				List.of(new ApplicationForm.Member(" ", "CAPTAIN", null, null, "2030-01-01", "China", null, null,
						"0000-0002-1825-0098", "123")));
		assertThatThrownBy(() -> form.parse(TODAY, Fixtures.FINGERPRINT)).isInstanceOfSatisfying(InvalidInputException.class,
				ex -> assertThat(ex.violations()).extracting(FieldViolation::field, FieldViolation::code)
					.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("title", "required"),
							org.assertj.core.groups.Tuple.tuple("category", "code.unknown"),
							org.assertj.core.groups.Tuple.tuple("team[0].name", "required"),
							org.assertj.core.groups.Tuple.tuple("team[0].role", "code.unknown"),
							org.assertj.core.groups.Tuple.tuple("team[0].birthDate", "birth-date.range"),
							org.assertj.core.groups.Tuple.tuple("team[0].nationality", "nationality.format"),
							org.assertj.core.groups.Tuple.tuple("team[0].orcid", "orcid.check-digit"),
							org.assertj.core.groups.Tuple.tuple("team[0].identityDocument",
									"identity-document.length")));
	}

	@Test
	void aFormCannotNameItsHostOrganisation() {
		ApplicationContent content = new ApplicationForm("T", null, null, null, "五邑大学", "12440700455870000R",
				"UNIVERSITY", List.of()).parse(TODAY, Fixtures.FINGERPRINT);
		assertThat(content.host()).isEqualTo(HostOrganisation.EMPTY);
	}

	@Test
	void theHostIsACopyOfTheDirectoryEntry() {
		var entry = new cn.jiangmen.innovation.platform.organisation.Organisation(Fixtures.ORG_A.value(),
				"江门市光电科技有限公司", "91440703MA4UJM0L1T",
				cn.jiangmen.innovation.platform.organisation.OrganisationKind.ENTERPRISE, "江门市蓬江区");
		assertThat(HostOrganisation.of(entry)).isEqualTo(new HostOrganisation("江门市光电科技有限公司",
				new CreditCode("91440703MA4UJM0L1T"), OrganisationKind.ENTERPRISE));
		var agency = new cn.jiangmen.innovation.platform.organisation.Organisation(Fixtures.ORG_B.value(), "服务中心",
				"not a code", cn.jiangmen.innovation.platform.organisation.OrganisationKind.SERVICE_AGENCY, "江门市");
		assertThat(HostOrganisation.of(agency)).as("no kind talent hosts, no valid code: submission names them")
			.isEqualTo(new HostOrganisation("服务中心", null, null));
	}

	@Test
	void identityDocumentsAreKeptOnlyAsKeyedFingerprints() {
		ApplicationContent content = new ApplicationForm("T", "LEADING_TALENT", null, null, null, null, null,
				List.of(new ApplicationForm.Member("Li Ming", "leader", "professor", "doctorate", "1980-01-01", "cn",
						"Wuyi University", true, "0000-0002-1825-0097", "E1234 5678")))
			.parse(TODAY, Fixtures.FINGERPRINT);
		TeamMember leader = content.leader().orElseThrow();
		assertThat(leader.identityHash()).hasSize(64).isEqualTo(Fixtures.FINGERPRINT.of("e12345678"));
		assertThat(leader.nationality()).isEqualTo("CN");
		assertThat(leader.orcid().value()).isEqualTo("0000-0002-1825-0097");
		assertThat(leader.personKey()).contains("id:" + leader.identityHash());
	}

	@Test
	void withoutADocumentNameAndBirthDateRecogniseThePerson() {
		TeamMember a = new TeamMember("Li  Ming", MemberRole.LEADER, null, null, LocalDate.of(1980, 1, 1), null, null,
				null, null, null);
		TeamMember b = new TeamMember("li ming", MemberRole.MEMBER, null, null, LocalDate.of(1980, 1, 1), null, null,
				null, null, null);
		assertThat(a.personKey()).isEqualTo(b.personKey()).isPresent();
		assertThat(new TeamMember("x", MemberRole.MEMBER, null, null, null, null, null, null, null, null).personKey())
			.isEmpty();
	}

	@Test
	void aPartialSaveKeepsThePreviousValueOfEachBadFieldAndTakesTheRest() {
		ApplicationContent previous = new ApplicationForm("Team", "LEADING_TALENT", null, null, "Host",
				"91440703MA4UJ8K2XW", null,
				List.of(new ApplicationForm.Member("Li Ming", "LEADER", null, null, "1980-01-01", "CN", null, null,
						null, "E12345678")))
			.parse(TODAY, Fixtures.FINGERPRINT);
		ApplicationForm typed = new ApplicationForm("", "TEAM_RND_INDUSTRIALISATION", null, "A new summary", "Host",
				"91440300708461136A", "ENTERPRISE",
				List.of(new ApplicationForm.Member("Li Ming", "LEADER", "PROFESSOR", null, "1980-13-01", "CN", null,
						true, null, ""),
						new ApplicationForm.Member("Wang Fang", "CORE_MEMBER", null, null, null, "China", null, null,
								null, null),
						new ApplicationForm.Member("Zhao Lei", "CAPTAIN", null, null, null, null, null, null, null,
								null)));

		ApplicationForm.Parsed parsed = typed.parseKeeping(TODAY, Fixtures.FINGERPRINT, previous);

		assertThat(parsed.violations()).extracting(FieldViolation::field, FieldViolation::code)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("title", "required"),
					org.assertj.core.groups.Tuple.tuple("team[0].birthDate", "date.format"),
					org.assertj.core.groups.Tuple.tuple("team[1].nationality", "nationality.format"),
					org.assertj.core.groups.Tuple.tuple("team[2].role", "code.unknown"));
		ApplicationContent content = parsed.content();
		assertThat(content.title()).as("kept").isEqualTo("Team");
		assertThat(content.category()).as("taken").isEqualTo(Category.TEAM_RND_INDUSTRIALISATION);
		assertThat(content.summary()).isEqualTo("A new summary");
		// the form's host fields are never read: the host comes from the organisation directory
		assertThat(content.host()).isEqualTo(previous.host()).isEqualTo(HostOrganisation.EMPTY);
		TeamMember leader = content.team().get(0);
		assertThat(leader.birthDate()).as("kept").isEqualTo(LocalDate.of(1980, 1, 1));
		assertThat(leader.title()).as("taken").isEqualTo(ProfessionalTitle.PROFESSOR);
		assertThat(leader.identityHash()).as("a document not sent again is not forgotten")
			.isEqualTo(Fixtures.FINGERPRINT.of("E12345678"));
		assertThat(content.team().get(1).name()).isEqualTo("Wang Fang");
		assertThat(content.team().get(1).nationality()).isNull();
		assertThat(content.team()).as("a new row without a usable role waits on the page, not in the store")
			.hasSize(2);
	}

	@Test
	void aFingerprintStaysWithItsPersonWhenRowsMove() {
		ApplicationContent previous = new ApplicationForm("Team", null, null, null, null, null, null,
				List.of(new ApplicationForm.Member("Li Ming", "LEADER", null, null, null, null, null, null, null,
						"E12345678"),
						new ApplicationForm.Member("Wang Fang", "MEMBER", null, null, null, null, null, null, null,
								"G87654321")))
			.parse(TODAY, Fixtures.FINGERPRINT);
		ApplicationContent content = new ApplicationForm("Team", null, null, null, null, null, null,
				List.of(new ApplicationForm.Member("Wang Fang", "MEMBER", null, null, null, null, null, null, null,
						null)))
			.parseKeeping(TODAY, Fixtures.FINGERPRINT, previous)
			.content();
		assertThat(content.team()).singleElement()
			.satisfies(m -> assertThat(m.identityHash()).isEqualTo(Fixtures.FINGERPRINT.of("G87654321")));
		ApplicationContent renamed = new ApplicationForm("Team", null, null, null, null, null, null,
				List.of(new ApplicationForm.Member("Zhao Lei", "MEMBER", null, null, null, null, null, null, null,
						null)))
			.parseKeeping(TODAY, Fixtures.FINGERPRINT, previous)
			.content();
		assertThat(renamed.team().get(0).identityHash()).as("another person never inherits a fingerprint").isNull();
	}

}
