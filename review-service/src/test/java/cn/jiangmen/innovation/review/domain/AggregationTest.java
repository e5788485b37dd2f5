package cn.jiangmen.innovation.review.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Normalisation and ranking against values computed by hand (see the comments): one criterion of
 * weight 100 on a 0..100 scale so that the overall score equals the criterion score.
 */
class AggregationTest {

	static final Rubric ONE = new Rubric(List.of(new Criterion("merit", "Merit", 100, 50)), 0, 100, 6000);

	static final ReviewItemId X = item(1);

	static final ReviewItemId Y = item(2);

	static final ReviewItemId Z = item(3);

	static final ExpertId A = new ExpertId("a");

	static final ExpertId B = new ExpertId("b");

	static final ExpertId C = new ExpertId("c");

	/*
	 * A: X=80 Y=60 Z=70 -> mean 70, sd sqrt(200/3)=8.164966 -> z 1.224745, -1.224745, 0
	 * B: X=90 Y=50      -> mean 70, sd 20                -> z 1, -1
	 * C: Z=40 (one review: against the round) grand mean 65, grand sd sqrt(1750/6)=17.078251 -> z -1.463850
	 * X: mean 85 median 85 sd 5,  meanZ  1.112372, normalised 65 + 17.078251*1.112372 = 83.997376
	 * Y: mean 55 median 55 sd 5,  meanZ -1.112372, normalised 46.002624
	 * Z: mean 55 median 55 sd 15, meanZ -0.731925, normalised 65 - 12.5 = 52.5
	 */
	static final List<SubmittedScore> SCORES = List.of(score(X, A, 80), score(Y, A, 60), score(Z, A, 70),
			score(X, B, 90), score(Y, B, 50), score(Z, C, 40));

	@Test
	void rawMeanMedianSpreadAndZScoresMatchTheHandComputation() {
		List<ItemResult> results = Aggregation.aggregate(ONE, List.of(X, Y, Z), SCORES, 10.0);
		ItemResult x = find(results, X);
		ItemResult y = find(results, Y);
		ItemResult z = find(results, Z);

		assertThat(x.mean()).isCloseTo(85, within(1e-9));
		assertThat(x.median()).isCloseTo(85, within(1e-9));
		assertThat(x.stdDev()).isCloseTo(5, within(1e-9));
		assertThat(x.meanZ()).isCloseTo(1.112372, within(1e-6));
		assertThat(x.normalised()).isCloseTo(83.997376, within(1e-5));

		assertThat(y.mean()).isCloseTo(55, within(1e-9));
		assertThat(y.meanZ()).isCloseTo(-1.112372, within(1e-6));
		assertThat(y.normalised()).isCloseTo(46.002624, within(1e-5));

		assertThat(z.mean()).isCloseTo(55, within(1e-9));
		assertThat(z.stdDev()).isCloseTo(15, within(1e-9));
		assertThat(z.meanZ()).isCloseTo(-0.731925, within(1e-6));
		assertThat(z.normalised()).isCloseTo(52.5, within(1e-9));
	}

	@Test
	void normalisationBreaksTheRawTieAndRanksTheRound() {
		List<ItemResult> results = Aggregation.aggregate(ONE, List.of(X, Y, Z), SCORES, 10.0);
		assertThat(results).extracting(ItemResult::item).containsExactly(X, Z, Y);
		assertThat(results).extracting(ItemResult::rank).containsExactly(1, 2, 3);
	}

	@Test
	void disagreementAboveTheLimitIsFlagged() {
		List<ItemResult> results = Aggregation.aggregate(ONE, List.of(X, Y, Z), SCORES, 10.0);
		assertThat(find(results, Z).disagreement()).isTrue();
		assertThat(find(results, X).disagreement()).isFalse();
		assertThat(Aggregation.aggregate(ONE, List.of(X, Y, Z), SCORES, 15.0)).noneMatch(ItemResult::disagreement);
	}

	@Test
	void itemsFailingAThresholdAreMarked() {
		// criterion threshold 50: every mean passes; overall threshold 60.00: Y and Z (55) fail
		List<ItemResult> results = Aggregation.aggregate(ONE, List.of(X, Y, Z), SCORES, 10.0);
		assertThat(find(results, X).failedThresholds()).isEmpty();
		assertThat(find(results, Y).failedThresholds()).containsExactly("overall");
		assertThat(find(results, Z).failedThresholds()).containsExactly("overall");

		Rubric strict = new Rubric(List.of(new Criterion("merit", "Merit", 100, 58)), 0, 100, 0);
		assertThat(find(Aggregation.aggregate(strict, List.of(X, Y, Z), SCORES, 10.0), Z).failedThresholds())
			.containsExactly("merit");
	}

	@Test
	void medianOfAnOddNumberIsTheMiddleAndItemsWithoutReviewsRankLast() {
		ReviewItemId w = item(4);
		ReviewItemId empty = item(5);
		List<ItemResult> results = Aggregation.aggregate(ONE, List.of(empty, w),
				List.of(score(w, A, 10), score(w, B, 90), score(w, C, 30)), 100);
		assertThat(find(results, w).median()).isCloseTo(30, within(1e-9));
		assertThat(find(results, w).mean()).isCloseTo(43.333333, within(1e-6));
		assertThat(find(results, empty).reviews()).isZero();
		assertThat(results).extracting(ItemResult::item).containsExactly(w, empty);
	}

	@Test
	void aRoundWhereEveryoneAgreesHasZeroZScores() {
		List<ItemResult> results = Aggregation.aggregate(ONE, List.of(X, Y),
				List.of(score(X, A, 70), score(Y, A, 70), score(X, B, 70)), 5);
		assertThat(results).allSatisfy(r -> {
			assertThat(r.meanZ()).isZero();
			assertThat(r.normalised()).isCloseTo(70, within(1e-9));
		});
		// tie on everything: by id
		assertThat(results).extracting(ItemResult::item).containsExactly(X, Y);
	}

	@Test
	void weightedOverallScoreIsInHundredthsOfAPoint() {
		Rubric two = new Rubric(List.of(new Criterion("innovation", "创新性", 60, 3), new Criterion("team", "团队", 40, 0)),
				1, 5, 6000);
		// 60*(5-1)/4 + 40*(3-1)/4 = 60 + 20 = 80.00
		assertThat(two.overallHundredths(Map.of("innovation", 5, "team", 3))).isEqualTo(8000);
		// 60*(4-1)/4 + 40*(2-1)/4 = 45 + 10 = 55.00 -> overall fails; innovation 2 < 3 fails
		assertThat(two.overallHundredths(Map.of("innovation", 4, "team", 2))).isEqualTo(5500);
		assertThat(two.failedThresholds(Map.of("innovation", 2, "team", 5))).containsExactly("innovation", "overall");
	}

	@Test
	void theFinalRankingFollowsConsensusScoresThenTheIndividualRank() {
		List<ItemResult> individual = Aggregation.aggregate(ONE, List.of(X, Y, Z), SCORES, 10.0);
		RoundId round = RoundId.newId();
		Instant now = Instant.parse("2026-11-27T10:00:00Z");
		List<FinalRanking.Outcome> outcomes = FinalRanking.rank(List.of(
				Consensus.write(ONE, Y, round, A, Map.of("merit", 70), "ok", now, 0),
				Consensus.write(ONE, X, round, A, Map.of("merit", 70), "ok", now, 0),
				Consensus.write(ONE, Z, round, A, Map.of("merit", 55), "weak", now, 0)), individual);
		// X and Y tie at 70.00: X ranked higher individually
		assertThat(outcomes).containsExactly(new FinalRanking.Outcome(X, 1, 7000, true),
				new FinalRanking.Outcome(Y, 2, 7000, true), new FinalRanking.Outcome(Z, 3, 5500, false));
	}

	static ItemResult find(List<ItemResult> results, ReviewItemId id) {
		return results.stream().filter(r -> r.item().equals(id)).findFirst().orElseThrow();
	}

	static SubmittedScore score(ReviewItemId item, ExpertId expert, int merit) {
		return new SubmittedScore(item, expert, Map.of("merit", merit));
	}

	static ReviewItemId item(int n) {
		return new ReviewItemId(new UUID(0, n));
	}

}
