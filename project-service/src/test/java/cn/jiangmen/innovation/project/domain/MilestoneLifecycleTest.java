package cn.jiangmen.innovation.project.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import cn.jiangmen.innovation.platform.error.ConflictException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static cn.jiangmen.innovation.project.domain.MilestoneState.ACCEPTED;
import static cn.jiangmen.innovation.project.domain.MilestoneState.PLANNED;
import static cn.jiangmen.innovation.project.domain.MilestoneState.REJECTED;
import static cn.jiangmen.innovation.project.domain.MilestoneState.REPORTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every (state, action) pair of a milestone in execution, 4 x 3 = 12 cases, driven through the
 * aggregate's own methods: the allowed ones land in the expected state, the others are refused as a
 * conflict. The expected table is written out here independently of the implementation's.
 */
class MilestoneLifecycleTest {

	static final Instant NOW = Instant.parse("2026-12-06T02:00:00Z");

	private static final Map<MilestoneState, Map<MilestoneLifecycle.Action, MilestoneState>> EXPECTED = Map.of(PLANNED,
			Map.of(MilestoneLifecycle.Action.REPORT, REPORTED), REJECTED, Map.of(MilestoneLifecycle.Action.REPORT, REPORTED),
			REPORTED, Map.of(MilestoneLifecycle.Action.ACCEPT, ACCEPTED, MilestoneLifecycle.Action.RETURN, REJECTED));

	static Stream<Arguments> allowed() {
		List<Arguments> cases = new ArrayList<>();
		EXPECTED.forEach((from, moves) -> moves.forEach((action, to) -> cases.add(Arguments.of(from, action, to))));
		return cases.stream();
	}

	static Stream<Arguments> refused() {
		List<Arguments> cases = new ArrayList<>();
		for (MilestoneState from : MilestoneState.values()) {
			for (MilestoneLifecycle.Action action : MilestoneLifecycle.Action.values()) {
				if (!EXPECTED.getOrDefault(from, Map.of()).containsKey(action)) {
					cases.add(Arguments.of(from, action));
				}
			}
		}
		return cases.stream();
	}

	@ParameterizedTest(name = "{0} --{1}--> {2}")
	@MethodSource("allowed")
	void allowedTransition(MilestoneState from, MilestoneLifecycle.Action action, MilestoneState to) {
		Milestone next = apply(in(from), action);
		assertThat(next.state()).isEqualTo(to);
		assertThat(next.acceptedAt()).isEqualTo(to == ACCEPTED ? Optional.of(NOW) : Optional.empty());
		assertThat(MilestoneLifecycle.target(from, action)).contains(to);
	}

	@ParameterizedTest(name = "{0} --{1}--> refused")
	@MethodSource("refused")
	void refusedTransition(MilestoneState from, MilestoneLifecycle.Action action) {
		Milestone milestone = in(from);
		assertThatThrownBy(() -> apply(milestone, action)).isInstanceOfSatisfying(ConflictException.class,
				ex -> assertThat(ex.code()).isEqualTo("milestone.state"));
		assertThat(MilestoneLifecycle.target(from, action)).isEmpty();
	}

	static Milestone apply(Milestone milestone, MilestoneLifecycle.Action action) {
		return switch (action) {
			case REPORT -> milestone.report();
			case ACCEPT -> milestone.accept(NOW);
			case RETURN -> milestone.reject();
		};
	}

	static Milestone in(MilestoneState state) {
		return new Milestone(MilestoneId.newId(), ProjectId.newId(), "m", state,
				state == ACCEPTED ? Optional.of(NOW) : Optional.empty(), 2);
	}

}
