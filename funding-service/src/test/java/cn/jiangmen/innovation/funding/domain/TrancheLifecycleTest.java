package cn.jiangmen.innovation.funding.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import cn.jiangmen.innovation.platform.domain.Caller;
import cn.jiangmen.innovation.platform.error.ConflictException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static cn.jiangmen.innovation.funding.domain.TrancheState.APPROVED;
import static cn.jiangmen.innovation.funding.domain.TrancheState.BATCHED;
import static cn.jiangmen.innovation.funding.domain.TrancheState.CANCELLED;
import static cn.jiangmen.innovation.funding.domain.TrancheState.FAILED;
import static cn.jiangmen.innovation.funding.domain.TrancheState.PAID;
import static cn.jiangmen.innovation.funding.domain.TrancheState.PREPARED;
import static cn.jiangmen.innovation.funding.domain.TrancheState.REJECTED;
import static cn.jiangmen.innovation.funding.domain.TrancheState.SCHEDULED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every (state, action) pair, 8 x 7 = 56 cases, through the aggregate's own methods; the expected
 * table is written out here independently of the implementation's.
 */
class TrancheLifecycleTest {

	private static final Map<TrancheState, Map<TrancheAction, TrancheState>> EXPECTED = Map.of(
			SCHEDULED, Map.of(TrancheAction.PREPARE, PREPARED, TrancheAction.CANCEL, CANCELLED),
			PREPARED, Map.of(TrancheAction.APPROVE, APPROVED, TrancheAction.REJECT, REJECTED, TrancheAction.CANCEL, CANCELLED),
			REJECTED, Map.of(TrancheAction.PREPARE, PREPARED, TrancheAction.CANCEL, CANCELLED),
			APPROVED, Map.of(TrancheAction.BATCH, BATCHED),
			BATCHED, Map.of(TrancheAction.CONFIRM_PAID, PAID, TrancheAction.CONFIRM_FAILED, FAILED),
			FAILED, Map.of(TrancheAction.BATCH, BATCHED));

	static Stream<Arguments> allowed() {
		List<Arguments> cases = new ArrayList<>();
		EXPECTED.forEach((from, moves) -> moves.forEach((action, to) -> cases.add(Arguments.of(from, action, to))));
		return cases.stream();
	}

	static Stream<Arguments> refused() {
		List<Arguments> cases = new ArrayList<>();
		for (TrancheState from : TrancheState.values()) {
			for (TrancheAction action : TrancheAction.values()) {
				if (!EXPECTED.getOrDefault(from, Map.of()).containsKey(action)) {
					cases.add(Arguments.of(from, action));
				}
			}
		}
		return cases.stream();
	}

	@ParameterizedTest(name = "{0} --{1}--> {2}")
	@MethodSource("allowed")
	void allowedTransition(TrancheState from, TrancheAction action, TrancheState to) {
		assertThat(apply(in(from), action).state()).isEqualTo(to);
		assertThat(TrancheLifecycle.target(from, action)).contains(to);
	}

	@ParameterizedTest(name = "{0} --{1}--> refused")
	@MethodSource("refused")
	void refusedTransition(TrancheState from, TrancheAction action) {
		Tranche tranche = in(from);
		assertThatThrownBy(() -> apply(tranche, action)).isInstanceOfSatisfying(ConflictException.class,
				ex -> assertThat(ex.code()).isEqualTo("tranche.transition-not-allowed"));
		assertThat(tranche.state()).isEqualTo(from);
		assertThat(TrancheLifecycle.target(from, action)).isEmpty();
	}

	private static Tranche apply(Tranche tranche, TrancheAction action) {
		Caller officer = Caller.of("officer", "finance-officer");
		Caller approver = Caller.of("approver", "finance-approver");
		return switch (action) {
			case PREPARE -> tranche.prepare(officer, Instant.now());
			case APPROVE -> tranche.decide(approver, true, "", Instant.now());
			case REJECT -> tranche.decide(approver, false, "documents missing", Instant.now());
			default -> tranche.moveTo(action);
		};
	}

	private static Tranche in(TrancheState state) {
		return new Tranche(Tranche.Id.newId(), CommitmentId.newId(), 1, UUID.randomUUID(), 100, LocalDate.of(2026, 5, 1),
				state, UUID.randomUUID(), null, null, null, null, null, 0);
	}

}
