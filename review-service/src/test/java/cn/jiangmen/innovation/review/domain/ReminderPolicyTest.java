package cn.jiangmen.innovation.review.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReminderPolicyTest {

	static final Instant DEADLINE = Instant.parse("2026-12-01T10:00:00Z");

	static final Rubric RUBRIC = new Rubric(List.of(new Criterion("merit", "Merit", 100, 0)), 0, 10, 0);

	ReviewRound round(ReviewRound.State state) {
		return new ReviewRound(RoundId.newId(), "r", OwningContext.TALENT, RUBRIC, true, DEADLINE, 2, 5, 10, state, "m",
				DEADLINE.minus(Duration.ofDays(20)), Optional.empty(), Optional.empty(), 0);
	}

	@Test
	void dueFromTheLeadBeforeTheDeadlineOnwardsWhileTheRoundIsOpen() {
		Duration lead = Duration.ofDays(2);
		assertThat(ReminderPolicy.isDue(round(ReviewRound.State.OPEN), DEADLINE.minus(Duration.ofDays(3)), lead)).isFalse();
		assertThat(ReminderPolicy.isDue(round(ReviewRound.State.OPEN), DEADLINE.minus(lead), lead)).isTrue();
		assertThat(ReminderPolicy.isDue(round(ReviewRound.State.OPEN), DEADLINE.plusSeconds(1), lead)).isTrue();
		assertThat(ReminderPolicy.isDue(round(ReviewRound.State.CONFIRMED), DEADLINE, lead)).isFalse();
	}

	@Test
	void pendingCountsUnsubmittedActiveAssignmentsPerExpert() {
		RoundId r = RoundId.newId();
		Instant t = DEADLINE.minus(Duration.ofDays(5));
		ExpertId a = new ExpertId("a");
		ExpertId b = new ExpertId("b");
		Assignment open1 = Assignment.create(r, new ReviewItemId(UUID.randomUUID()), a, Assignment.Source.AUTOMATIC, "m", t);
		Assignment open2 = Assignment.create(r, new ReviewItemId(UUID.randomUUID()), a, Assignment.Source.AUTOMATIC, "m", t)
			.declare(false, t)
			.score(RUBRIC, Map.of("merit", 4), Map.of(), "", false, t);
		Assignment submitted = Assignment.create(r, new ReviewItemId(UUID.randomUUID()), b, Assignment.Source.AUTOMATIC, "m", t)
			.declare(false, t)
			.score(RUBRIC, Map.of("merit", 4), Map.of(), "", true, t);
		Assignment conflicted = Assignment.create(r, new ReviewItemId(UUID.randomUUID()), b, Assignment.Source.MANUAL, "m", t)
			.declare(true, t);
		assertThat(ReminderPolicy.pendingByExpert(List.of(open1, open2, submitted, conflicted))).containsExactly(Map.entry(a, 2));
	}

}
