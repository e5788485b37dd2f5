package cn.jiangmen.innovation.talent.domain;

import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

class ApplicantNoticeTest {

	@ParameterizedTest
	@EnumSource(ApplicationStatus.class)
	void theHostOrganisationHearsOfDecisionsOnly(ApplicationStatus status) {
		TalentApplication application = ApplicationLifecycleTest.in(status, Fixtures.openCall());
		boolean decision = EnumSet
			.of(ApplicationStatus.RETURNED, ApplicationStatus.REJECTED, ApplicationStatus.UNDER_REVIEW,
					ApplicationStatus.RECOMMENDED, ApplicationStatus.AWARDED, ApplicationStatus.DECLINED)
			.contains(status);
		assertThat(ApplicantNotice.of(application).isPresent()).as(status.name()).isEqualTo(decision);
		ApplicantNotice.of(application).ifPresent(notice -> {
			assertThat(notice.organisationId()).isEqualTo(Fixtures.ORG_A);
			assertThat(notice.applicationId()).isEqualTo(application.id());
			assertThat(notice.at()).isEqualTo(application.updatedAt());
		});
	}

	@ParameterizedTest
	@EnumSource(value = ApplicationStatus.class, names = { "DRAFT", "SUBMITTED", "WITHDRAWN", "RANKED" })
	void ownStepsAndTheInternalRankingAreNotNotices(ApplicationStatus status) {
		assertThat(ApplicantNotice.of(ApplicationLifecycleTest.in(status, Fixtures.openCall()))).isEmpty();
	}

	@org.junit.jupiter.api.Test
	void aReturnCarriesItsReasons() {
		TalentApplication application = ApplicationLifecycleTest.in(ApplicationStatus.RETURNED, Fixtures.openCall());
		assertThat(application.returnReasons()).isEqualTo(List.of("fix it"));
		assertThat(ApplicantNotice.of(application).orElseThrow().detail()).isEqualTo("fix it");
	}

}
