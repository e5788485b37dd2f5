package cn.jiangmen.innovation.talent.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import cn.jiangmen.innovation.platform.error.ConflictException;
import cn.jiangmen.innovation.platform.error.FieldViolation;
import cn.jiangmen.innovation.platform.error.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TalentApplicationTest {

	private final TalentCall call = Fixtures.openCall();

	private final TalentApplication application = TalentApplication.draft(this.call, Fixtures.ORG_A,
			Fixtures.eligibleTeam(), Fixtures.DURING);

	@Test
	void draftStartsAsDraft() {
		assertThat(this.application.status()).isEqualTo(ApplicationStatus.DRAFT);
		assertThat(this.application.title()).isEqualTo("Visible-light communication team");
	}

	@Test
	void ownOrganisationSeesAndOwnsItOthersDoNot() {
		assertThat(this.application.isVisibleTo(Fixtures.applicantOf(Fixtures.ORG_A))).isTrue();
		assertThat(this.application.isOwnedBy(Fixtures.applicantOf(Fixtures.ORG_A))).isTrue();
		assertThat(this.application.isVisibleTo(Fixtures.applicantOf(Fixtures.ORG_B))).isFalse();
		assertThat(this.application.isOwnedBy(Fixtures.applicantOf(Fixtures.ORG_B))).isFalse();
	}

	@Test
	void managersAndAuditorsSeeAllButOwnNothingExpertsSeeNothing() {
		assertThat(this.application.isVisibleTo(Fixtures.withRole("program-manager"))).isTrue();
		assertThat(this.application.isVisibleTo(Fixtures.withRole("auditor"))).isTrue();
		assertThat(this.application.isOwnedBy(Fixtures.withRole("program-manager"))).isFalse();
		assertThat(this.application.isVisibleTo(Fixtures.withRole("expert"))).isFalse();
	}

	@Test
	void submitBeforeTheDeadlineIsAccepted() {
		Instant lastSecond = Fixtures.CLOSES.minusSeconds(1);
		this.application.submit(this.call, Fixtures.ALL_ATTACHED, lastSecond);
		assertThat(this.application.status()).isEqualTo(ApplicationStatus.SUBMITTED);
		assertThat(this.application.submittedAt()).isEqualTo(lastSecond);
	}

	@Test
	void submitAtOrAfterTheDeadlineIsRefusedAndTheDraftKept() {
		for (Instant late : List.of(Fixtures.CLOSES, Fixtures.CLOSES.plusSeconds(1))) {
			assertThatThrownBy(() -> this.application.submit(this.call, Fixtures.ALL_ATTACHED, late))
				.isInstanceOfSatisfying(ConflictException.class,
						ex -> assertThat(ex.code()).isEqualTo("call.deadline-passed"));
			assertThat(this.application.status()).isEqualTo(ApplicationStatus.DRAFT);
		}
	}

	@Test
	void submitBeforeOpeningIsRefused() {
		TalentApplication early = new TalentApplication(ApplicationId.newId(), this.call.id(), Fixtures.ORG_A,
				Fixtures.eligibleTeam(), ApplicationStatus.DRAFT, null, List.of(), null, null, null, Fixtures.OPENS,
				Fixtures.OPENS, 0);
		assertThatThrownBy(() -> early.submit(this.call, Fixtures.ALL_ATTACHED, Fixtures.OPENS.minusSeconds(1)))
			.isInstanceOfSatisfying(ConflictException.class, ex -> assertThat(ex.code()).isEqualTo("call.not-open-yet"));
	}

	@Test
	void anAcceptedSubmissionCannotBeWithdrawnAfterTheDeadlineAndStaysSubmitted() {
		this.application.submit(this.call, Fixtures.ALL_ATTACHED, Fixtures.DURING);
		assertThatThrownBy(() -> this.application.withdraw(this.call, Fixtures.CLOSES.plusSeconds(60)))
			.isInstanceOfSatisfying(ConflictException.class,
					ex -> assertThat(ex.code()).isEqualTo("call.deadline-passed"));
		assertThat(this.application.status()).isEqualTo(ApplicationStatus.SUBMITTED);
		this.application.withdraw(this.call, Fixtures.DURING.plusSeconds(60));
		assertThat(this.application.status()).isEqualTo(ApplicationStatus.WITHDRAWN);
	}

	@Test
	void incompleteOrIneligibleContentIsRefusedOnSubmitNamingEveryField() {
		this.application.update(new ApplicationContent("Just a title", Category.TEAM_RND_INDUSTRIALISATION, null, null,
				null, List.of(Fixtures.leader(LocalDate.of(1950, 1, 1)))), Fixtures.DURING);
		assertThatThrownBy(() -> this.application.submit(this.call, Fixtures.ALL_ATTACHED, Fixtures.DURING))
			.isInstanceOfSatisfying(InvalidInputException.class,
					ex -> assertThat(ex.violations()).extracting(FieldViolation::field)
						.contains("priorityField", "summary", "host.name", "host.creditCode", "host.kind", "team",
								"team[0].birthDate"));
		assertThat(this.application.status()).isEqualTo(ApplicationStatus.DRAFT);
	}

	@Test
	void returnedApplicationsCanBeCorrectedAndResubmittedAfterTheCallClosedUntilTheCorrectionDate() {
		this.application.submit(this.call, Fixtures.ALL_ATTACHED, Fixtures.DURING);
		Instant due = Fixtures.CLOSES.plusSeconds(7 * 86400);
		this.application.returnForCorrection(List.of("Sign the employment contract"), due, Fixtures.CLOSES.plusSeconds(10));
		assertThat(this.application.status()).isEqualTo(ApplicationStatus.RETURNED);
		assertThat(this.application.returnReasons()).containsExactly("Sign the employment contract");
		this.application.update(Fixtures.eligibleTeam(), Fixtures.CLOSES.plusSeconds(20));
		assertThatThrownBy(() -> this.application.submit(this.call, Fixtures.ALL_ATTACHED, due)).isInstanceOfSatisfying(ConflictException.class,
				ex -> assertThat(ex.code()).isEqualTo("application.correction-period-over"));
		this.application.submit(this.call, Fixtures.ALL_ATTACHED, due.minusSeconds(1));
		assertThat(this.application.status()).isEqualTo(ApplicationStatus.SUBMITTED);
	}

	@Test
	void returnNeedsReasonsRejectNeedsAReason() {
		this.application.submit(this.call, Fixtures.ALL_ATTACHED, Fixtures.DURING);
		assertThatThrownBy(() -> this.application.returnForCorrection(List.of(" "), null, Fixtures.DURING))
			.isInstanceOfSatisfying(InvalidInputException.class,
					ex -> assertThat(ex.violations().get(0).field()).isEqualTo("reasons"));
		assertThatThrownBy(() -> this.application.reject("", Fixtures.DURING))
			.isInstanceOfSatisfying(InvalidInputException.class,
					ex -> assertThat(ex.violations().get(0).field()).isEqualTo("reason"));
		assertThat(this.application.status()).isEqualTo(ApplicationStatus.SUBMITTED);
	}

	@Test
	void submittedApplicationsAreNotEditable() {
		this.application.submit(this.call, Fixtures.ALL_ATTACHED, Fixtures.DURING);
		assertThatThrownBy(() -> this.application.update(Fixtures.eligibleTeam(), Fixtures.DURING))
			.isInstanceOfSatisfying(ConflictException.class,
					ex -> assertThat(ex.code()).isEqualTo("application.not-editable"));
	}

	@Test
	void draftsCannotStartOnAClosedOrUnopenedCall() {
		assertThatThrownBy(() -> TalentApplication.draft(this.call, Fixtures.ORG_A, Fixtures.eligibleTeam(),
				Fixtures.CLOSES)).isInstanceOf(ConflictException.class);
	}

	@Test
	void reviewOutcomeIsStoredWithRankAndScore() {
		TalentApplication reviewed = ApplicationLifecycleTest.in(ApplicationStatus.UNDER_REVIEW, this.call);
		assertThatThrownBy(() -> reviewed.recordReviewOutcome(
				new ReviewOutcome(java.util.UUID.randomUUID(), 0, 20000, true, Fixtures.DURING), Fixtures.DURING))
			.isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(ex.violations())
				.extracting(FieldViolation::field)
				.containsExactly("rank", "scoreHundredths"));
		reviewed.recordReviewOutcome(new ReviewOutcome(java.util.UUID.randomUUID(), 2, 8125, true, Fixtures.DURING),
				Fixtures.DURING);
		assertThat(reviewed.status()).isEqualTo(ApplicationStatus.RANKED);
		assertThat(reviewed.reviewOutcome().scoreHundredths()).isEqualTo(8125);
	}

	@Test
	void malformedIdIsBadInput() {
		assertThatThrownBy(() -> ApplicationId.parse("not-a-uuid", "id")).isInstanceOfSatisfying(
				InvalidInputException.class, ex -> assertThat(ex.violations().get(0).field()).isEqualTo("id"));
	}

}
