package cn.jiangmen.innovation.talent.domain;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import cn.jiangmen.innovation.platform.error.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TalentApplicationTest {

	private static final OrganisationId ORG_A = new OrganisationId(UUID.randomUUID());

	private static final OrganisationId ORG_B = new OrganisationId(UUID.randomUUID());

	private final TalentApplication application = TalentApplication.draft(UUID.randomUUID(), ORG_A,
			"  Visible-light communication team ", Instant.parse("2026-03-01T00:00:00Z"));

	@Test
	void draftStartsAsDraftWithTrimmedTitle() {
		assertThat(this.application.status()).isEqualTo(ApplicationStatus.DRAFT);
		assertThat(this.application.title()).isEqualTo("Visible-light communication team");
	}

	@Test
	void ownOrganisationSeesIt() {
		assertThat(this.application.isVisibleTo(applicantOf(ORG_A))).isTrue();
	}

	@Test
	void otherOrganisationDoesNot() {
		assertThat(this.application.isVisibleTo(applicantOf(ORG_B))).isFalse();
	}

	@Test
	void managersAndAuditorsSeeAllButExpertsDoNot() {
		assertThat(this.application.isVisibleTo(new Viewer("manager", Set.of("program-manager"), Optional.empty())))
			.isTrue();
		assertThat(this.application.isVisibleTo(new Viewer("auditor", Set.of("auditor"), Optional.empty()))).isTrue();
		assertThat(this.application.isVisibleTo(new Viewer("expert1", Set.of("expert"), Optional.empty()))).isFalse();
	}

	@Test
	void blankOrOverlongTitleIsRejectedNamingTheField() {
		assertThatThrownBy(() -> TalentApplication.draft(UUID.randomUUID(), ORG_A, " ", Instant.now()))
			.isInstanceOfSatisfying(InvalidInputException.class,
					ex -> assertThat(ex.violations().get(0).field()).isEqualTo("title"));
		assertThatThrownBy(() -> TalentApplication.draft(UUID.randomUUID(), ORG_A, "x".repeat(201), Instant.now()))
			.isInstanceOf(InvalidInputException.class);
	}

	@Test
	void malformedIdIsBadInput() {
		assertThatThrownBy(() -> ApplicationId.parse("not-a-uuid", "id")).isInstanceOfSatisfying(
				InvalidInputException.class, ex -> assertThat(ex.violations().get(0).field()).isEqualTo("id"));
	}

	private static Viewer applicantOf(OrganisationId organisation) {
		return new Viewer("applicant", Set.of("applicant"), Optional.of(organisation));
	}

}
