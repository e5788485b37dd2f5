package cn.jiangmen.innovation.talent.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import cn.jiangmen.innovation.platform.error.ConflictException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static cn.jiangmen.innovation.talent.domain.ApplicationStatus.AWARDED;
import static cn.jiangmen.innovation.talent.domain.ApplicationStatus.DECLINED;
import static cn.jiangmen.innovation.talent.domain.ApplicationStatus.DRAFT;
import static cn.jiangmen.innovation.talent.domain.ApplicationStatus.RANKED;
import static cn.jiangmen.innovation.talent.domain.ApplicationStatus.RECOMMENDED;
import static cn.jiangmen.innovation.talent.domain.ApplicationStatus.REJECTED;
import static cn.jiangmen.innovation.talent.domain.ApplicationStatus.RETURNED;
import static cn.jiangmen.innovation.talent.domain.ApplicationStatus.SUBMITTED;
import static cn.jiangmen.innovation.talent.domain.ApplicationStatus.UNDER_REVIEW;
import static cn.jiangmen.innovation.talent.domain.ApplicationStatus.WITHDRAWN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every (status, action) pair, 10 x 9 = 90 cases, driven through the aggregate's own methods: the
 * allowed ones land in the expected status, all others are refused as a conflict and change nothing.
 * The expected table is written out here independently of the implementation's.
 */
class ApplicationLifecycleTest {

	private static final Map<ApplicationStatus, Map<LifecycleAction, ApplicationStatus>> EXPECTED = Map.of(DRAFT,
			Map.of(LifecycleAction.SUBMIT, SUBMITTED), RETURNED, Map.of(LifecycleAction.SUBMIT, SUBMITTED), SUBMITTED,
			Map.of(LifecycleAction.WITHDRAW, WITHDRAWN, LifecycleAction.RETURN_FOR_CORRECTION, RETURNED,
					LifecycleAction.REJECT, REJECTED, LifecycleAction.PASS_FORMAL_CHECK, UNDER_REVIEW),
			UNDER_REVIEW, Map.of(LifecycleAction.RECORD_REVIEW_OUTCOME, RANKED), RANKED,
			Map.of(LifecycleAction.RECOMMEND, RECOMMENDED), RECOMMENDED,
			Map.of(LifecycleAction.AWARD, AWARDED, LifecycleAction.DECLINE, DECLINED));

	static Stream<Arguments> allowed() {
		List<Arguments> cases = new ArrayList<>();
		EXPECTED.forEach((from, moves) -> moves.forEach((action, to) -> cases.add(Arguments.of(from, action, to))));
		return cases.stream();
	}

	static Stream<Arguments> refused() {
		List<Arguments> cases = new ArrayList<>();
		for (ApplicationStatus from : ApplicationStatus.values()) {
			for (LifecycleAction action : LifecycleAction.values()) {
				if (!EXPECTED.getOrDefault(from, Map.of()).containsKey(action)) {
					cases.add(Arguments.of(from, action));
				}
			}
		}
		return cases.stream();
	}

	@ParameterizedTest(name = "{0} --{1}--> {2}")
	@MethodSource("allowed")
	void allowedTransition(ApplicationStatus from, LifecycleAction action, ApplicationStatus to) {
		TalentCall call = Fixtures.openCall();
		TalentApplication application = in(from, call);
		apply(application, action, call);
		assertThat(application.status()).isEqualTo(to);
		assertThat(ApplicationLifecycle.target(from, action)).contains(to);
	}

	@ParameterizedTest(name = "{0} --{1}--> refused")
	@MethodSource("refused")
	void refusedTransition(ApplicationStatus from, LifecycleAction action) {
		TalentCall call = Fixtures.openCall();
		TalentApplication application = in(from, call);
		assertThatThrownBy(() -> apply(application, action, call)).isInstanceOfSatisfying(ConflictException.class,
				ex -> assertThat(ex.code()).isEqualTo("application.transition-not-allowed"));
		assertThat(application.status()).isEqualTo(from);
		assertThat(ApplicationLifecycle.target(from, action)).isEmpty();
	}

	@ParameterizedTest
	@MethodSource("everyStatus")
	void onlyDraftsAndReturnedApplicationsAreEditable(ApplicationStatus status) {
		assertThat(ApplicationLifecycle.isEditable(status)).isEqualTo(status == DRAFT || status == RETURNED);
	}

	static Stream<ApplicationStatus> everyStatus() {
		return Stream.of(ApplicationStatus.values());
	}

	static void apply(TalentApplication application, LifecycleAction action, TalentCall call) {
		Instant now = Fixtures.DURING;
		switch (action) {
			case SUBMIT -> application.submit(call, Fixtures.ALL_ATTACHED, now);
			case WITHDRAW -> application.withdraw(call, now);
			case PASS_FORMAL_CHECK -> application.passFormalCheck(now);
			case RETURN_FOR_CORRECTION -> application.returnForCorrection(List.of("Missing signed contract"), null, now);
			case REJECT -> application.reject("Host organisation not registered in Jiangmen", now);
			case RECORD_REVIEW_OUTCOME -> application
				.recordReviewOutcome(new ReviewOutcome(UUID.randomUUID(), 1, 8125, true, now), now);
			case RECOMMEND -> application.recommend(now);
			case AWARD -> application.award(null, now);
			case DECLINE -> application.decline("Province did not select it", now);
		}
	}

	/** An application of {@code call} in {@code status}, with eligible content. */
	static TalentApplication in(ApplicationStatus status, TalentCall call) {
		Instant t = Fixtures.DURING.minusSeconds(3600);
		return new TalentApplication(ApplicationId.newId(), call.id(), Fixtures.ORG_A, Fixtures.eligibleTeam(), status,
				status == DRAFT ? null : t, status == RETURNED ? List.of("fix it") : List.of(),
				status == RETURNED ? Fixtures.DURING.plusSeconds(86400) : null, null, null, t, t, 3);
	}

}
