package cn.jiangmen.innovation.project.domain.execution;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import cn.jiangmen.innovation.platform.error.ConflictException;
import cn.jiangmen.innovation.project.domain.ProjectId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every (round state, outcome) pair, 4 x 3 = 12 cases, against a table written out here. */
class CheckRoundTest {

	static final Instant NOW = Instant.parse("2026-12-06T02:00:00Z");

	private static final Map<CheckRound.State, Map<CheckRound.Outcome, CheckRound.State>> EXPECTED = Map.of(
			CheckRound.State.OPEN,
			Map.of(CheckRound.Outcome.PASS, CheckRound.State.PASSED, CheckRound.Outcome.RECTIFY,
					CheckRound.State.RECTIFYING, CheckRound.Outcome.FAIL, CheckRound.State.FAILED),
			CheckRound.State.RECTIFYING,
			Map.of(CheckRound.Outcome.PASS, CheckRound.State.PASSED, CheckRound.Outcome.FAIL, CheckRound.State.FAILED));

	static Stream<Arguments> pairs() {
		List<Arguments> cases = new ArrayList<>();
		for (CheckRound.State from : CheckRound.State.values()) {
			for (CheckRound.Outcome outcome : CheckRound.Outcome.values()) {
				cases.add(Arguments.of(from, outcome));
			}
		}
		return cases.stream();
	}

	@ParameterizedTest(name = "{0} --{1}-->")
	@MethodSource("pairs")
	void outcome(CheckRound.State from, CheckRound.Outcome outcome) {
		CheckRound round = new CheckRound(UUID.randomUUID(), ProjectId.newId(), CheckRound.Kind.MID_TERM, from, "manager",
				NOW, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 1);
		CheckRound.State expected = EXPECTED.getOrDefault(from, Map.of()).get(outcome);
		LocalDate by = outcome == CheckRound.Outcome.RECTIFY ? LocalDate.of(2027, 3, 31) : null;
		if (expected == null) {
			assertThatThrownBy(() -> round.record(outcome, BigDecimal.TEN, "r", by, "manager", NOW))
				.isInstanceOfSatisfying(ConflictException.class, ex -> assertThat(ex.code()).isEqualTo("check-round.state"));
			assertThat(CheckRound.target(from, outcome)).isEmpty();
		}
		else {
			CheckRound next = round.record(outcome, BigDecimal.TEN, "r", by, "manager", NOW);
			assertThat(next.state()).isEqualTo(expected);
			assertThat(next.isFinished()).isEqualTo(expected != CheckRound.State.RECTIFYING);
			assertThat(next.version()).isEqualTo(2);
		}
	}

}
