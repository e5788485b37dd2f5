package cn.jiangmen.innovation.project.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import cn.jiangmen.innovation.platform.error.ConflictException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every (status, action) pair of a call, 3 x 2 = 6 cases, and the server-clock window. */
class CallLifecycleTest {

	private static final Map<CallStatus, Map<CallAction, CallStatus>> EXPECTED = Map.of(CallStatus.DRAFT,
			Map.of(CallAction.PUBLISH, CallStatus.PUBLISHED, CallAction.CLOSE, CallStatus.CLOSED), CallStatus.PUBLISHED,
			Map.of(CallAction.CLOSE, CallStatus.CLOSED));

	static Stream<Arguments> pairs() {
		List<Arguments> cases = new ArrayList<>();
		for (CallStatus from : CallStatus.values()) {
			for (CallAction action : CallAction.values()) {
				cases.add(Arguments.of(from, action));
			}
		}
		return cases.stream();
	}

	@ParameterizedTest(name = "{0} --{1}")
	@MethodSource("pairs")
	void everyPair(CallStatus from, CallAction action) {
		ProjectCall call = withStatus(from);
		CallStatus expected = EXPECTED.getOrDefault(from, Map.of()).get(action);
		if (expected == null) {
			assertThatThrownBy(() -> call.apply(action, ProposalFixtures.NOW)).isInstanceOfSatisfying(
					ConflictException.class, ex -> assertThat(ex.code()).isEqualTo("call.transition-not-allowed"));
			assertThat(CallLifecycle.target(from, action)).isEmpty();
		}
		else {
			ProjectCall after = call.apply(action, ProposalFixtures.NOW);
			assertThat(after.status()).isEqualTo(expected);
			assertThat(after.version()).isEqualTo(call.version() + 1);
		}
	}

	@Test
	void aPublishedCallTakesProposalsOnlyFromOpeningUntilJustBeforeClosing() {
		ProjectCall call = ProposalFixtures.call();
		assertThat(call.acceptsProposals(call.opensAt().minusMillis(1))).isFalse();
		assertThat(call.acceptsProposals(call.opensAt())).isTrue();
		assertThat(call.acceptsProposals(call.closesAt().minusMillis(1))).isTrue();
		assertThat(call.acceptsProposals(call.closesAt())).isFalse();
		assertThat(withStatus(CallStatus.DRAFT).acceptsProposals(ProposalFixtures.NOW)).isFalse();
		assertThat(withStatus(CallStatus.CLOSED).acceptsProposals(ProposalFixtures.NOW)).isFalse();
	}

	private static ProjectCall withStatus(CallStatus status) {
		ProjectCall c = ProposalFixtures.call();
		return new ProjectCall(c.id(), c.fieldCode(), c.year(), c.title(), c.topics(), c.ceilingFen(),
				c.maxFiscalSharePercent(), c.requiredDocuments(), c.guideline(), c.opensAt(), c.closesAt(), status,
				c.createdAt(), c.updatedAt(), c.version());
	}

}
