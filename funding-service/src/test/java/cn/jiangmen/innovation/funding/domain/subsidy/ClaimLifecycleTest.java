package cn.jiangmen.innovation.funding.domain.subsidy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import cn.jiangmen.innovation.platform.domain.Caller;
import cn.jiangmen.innovation.platform.error.ConflictException;
import cn.jiangmen.innovation.platform.error.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static cn.jiangmen.innovation.funding.domain.subsidy.ClaimState.APPROVED;
import static cn.jiangmen.innovation.funding.domain.subsidy.ClaimState.PAYMENT_PREPARED;
import static cn.jiangmen.innovation.funding.domain.subsidy.ClaimState.REFUSED;
import static cn.jiangmen.innovation.funding.domain.subsidy.ClaimState.REVIEWED;
import static cn.jiangmen.innovation.funding.domain.subsidy.ClaimState.SUBMITTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every (state, action) pair of a subsidy claim, 5 x 5 = 25 cases, driven through the claim's own
 * methods; the expected table is written out here independently of {@link ClaimLifecycle}'s.
 */
class ClaimLifecycleTest {

	private static final Map<ClaimState, Map<ClaimAction, ClaimState>> EXPECTED = Map.of(SUBMITTED,
			Map.of(ClaimAction.PASS_REVIEW, REVIEWED, ClaimAction.REFUSE, REFUSED), REVIEWED,
			Map.of(ClaimAction.PREPARE_PAYMENT, PAYMENT_PREPARED), PAYMENT_PREPARED,
			Map.of(ClaimAction.APPROVE_PAYMENT, APPROVED, ClaimAction.REJECT_PAYMENT, REVIEWED));

	static final Instant NOW = Instant.parse("2026-06-01T02:00:00Z");

	static final Caller APPLICANT = Caller.of("applicant2", "applicant");

	static final Caller MANAGER = Caller.of("manager", "program-manager");

	static final Caller MAKER = Caller.of("officer", "finance-officer");

	static final Caller CHECKER = Caller.of("approver", "finance-approver");

	static Stream<Arguments> allowed() {
		List<Arguments> cases = new ArrayList<>();
		EXPECTED.forEach((from, moves) -> moves.forEach((action, to) -> cases.add(Arguments.of(from, action, to))));
		return cases.stream();
	}

	static Stream<Arguments> refused() {
		List<Arguments> cases = new ArrayList<>();
		for (ClaimState from : ClaimState.values()) {
			for (ClaimAction action : ClaimAction.values()) {
				if (!EXPECTED.getOrDefault(from, Map.of()).containsKey(action)) {
					cases.add(Arguments.of(from, action));
				}
			}
		}
		return cases.stream();
	}

	@ParameterizedTest(name = "{0} --{1}--> {2}")
	@MethodSource("allowed")
	void allowedTransition(ClaimState from, ClaimAction action, ClaimState to) {
		assertThat(apply(in(from), action).state()).isEqualTo(to);
		assertThat(ClaimLifecycle.target(from, action)).contains(to);
	}

	@ParameterizedTest(name = "{0} --{1}--> refused")
	@MethodSource("refused")
	void refusedTransition(ClaimState from, ClaimAction action) {
		SubsidyClaim claim = in(from);
		assertThatThrownBy(() -> apply(claim, action)).isInstanceOfSatisfying(ConflictException.class,
				ex -> assertThat(ex.code()).isEqualTo("claim.transition-not-allowed"));
		assertThat(claim.state()).isEqualTo(from);
		assertThat(ClaimLifecycle.target(from, action)).isEmpty();
	}

	@Test
	void aRefusalAndARejectionNeedAReason() {
		assertThatThrownBy(() -> in(SUBMITTED).refuse(MANAGER, " ", NOW)).isInstanceOfSatisfying(
				InvalidInputException.class, ex -> assertThat(ex.violations().get(0).field()).isEqualTo("reason"));
		assertThatThrownBy(() -> in(PAYMENT_PREPARED).decidePayment(CHECKER, false, null, NOW)).isInstanceOfSatisfying(
				InvalidInputException.class, ex -> assertThat(ex.violations().get(0).field()).isEqualTo("reason"));
	}

	private static SubsidyClaim in(ClaimState state) {
		SubsidyClaim submitted = SubsidyClaim.postSubsidy(UUID.randomUUID(), 2026, "post-subsidies", 10_000_000L,
				new PostSubsidyEvidence(InstitutionKind.INCUBATOR, RecognitionLevel.CITY, "江科〔2026〕7号",
						LocalDate.parse("2026-03-01")),
				APPLICANT, NOW);
		return switch (state) {
			case SUBMITTED -> submitted;
			case REFUSED -> submitted.refuse(MANAGER, "not newly recognised", NOW);
			case REVIEWED -> submitted.passReview(MANAGER, null, UUID.randomUUID(), NOW);
			case PAYMENT_PREPARED -> in(REVIEWED).preparePayment(MAKER, NOW);
			case APPROVED -> in(PAYMENT_PREPARED).decidePayment(CHECKER, true, null, NOW);
		};
	}

	private static SubsidyClaim apply(SubsidyClaim claim, ClaimAction action) {
		return switch (action) {
			case PASS_REVIEW -> claim.passReview(MANAGER, null, UUID.randomUUID(), NOW);
			case REFUSE -> claim.refuse(MANAGER, "evidence missing", NOW);
			case PREPARE_PAYMENT -> claim.preparePayment(MAKER, NOW);
			case APPROVE_PAYMENT -> claim.decidePayment(CHECKER, true, null, NOW);
			case REJECT_PAYMENT -> claim.decidePayment(CHECKER, false, "wrong bank account", NOW);
		};
	}

}
