package cn.jiangmen.innovation.review.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import cn.jiangmen.innovation.review.domain.Aggregation;
import cn.jiangmen.innovation.review.domain.Criterion;
import cn.jiangmen.innovation.review.domain.ExpertId;
import cn.jiangmen.innovation.review.domain.ItemResult;
import cn.jiangmen.innovation.review.domain.ReviewItemId;
import cn.jiangmen.innovation.review.domain.Rubric;
import cn.jiangmen.innovation.review.domain.SubmittedScore;

/**
 * Not a test: a plain harness timing aggregation (weighted scores, per-reviewer z-scores, mean,
 * median, spread, thresholds, ranking) of 10,000 items x 5 reviews by 500 experts with a
 * four-criterion rubric. Run:
 *
 * <pre>
 * ./mvnw -B -o -q -pl review-service test-compile exec:java -Dbuf.skip \
 *     -Dexec.mainClass=cn.jiangmen.innovation.review.bench.NormaliseAndRankBenchmark -Dexec.classpathScope=test
 * </pre>
 *
 * Prints the median and best of 15 timed runs after 10 warm-up runs.
 */
public final class NormaliseAndRankBenchmark {

	private NormaliseAndRankBenchmark() {
	}

	public static void main(String[] args) {
		int itemCount = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
		int reviewsPerItem = 5;
		int expertCount = 500;
		Rubric rubric = new Rubric(List.of(new Criterion("innovation", "创新性", 40, 3),
				new Criterion("feasibility", "可行性", 25, 0), new Criterion("team", "团队", 20, 0),
				new Criterion("impact", "效益", 15, 0)), 1, 10, 6000);
		Random random = new Random(42);
		List<ReviewItemId> items = new ArrayList<>(itemCount);
		List<ExpertId> experts = new ArrayList<>(expertCount);
		for (int e = 0; e < expertCount; e++) {
			experts.add(new ExpertId("expert-" + e));
		}
		List<SubmittedScore> scores = new ArrayList<>(itemCount * reviewsPerItem);
		for (int i = 0; i < itemCount; i++) {
			ReviewItemId item = new ReviewItemId(new UUID(7, i));
			items.add(item);
			int quality = 3 + random.nextInt(6);
			int first = random.nextInt(expertCount);
			for (int r = 0; r < reviewsPerItem; r++) {
				ExpertId expert = experts.get((first + r * 97) % expertCount);
				int bias = (expert.subject().hashCode() & 3) - 1;
				scores.add(new SubmittedScore(item, expert,
						Map.of("innovation", clamp(quality + bias + random.nextInt(3) - 1),
								"feasibility", clamp(quality + bias + random.nextInt(3) - 1),
								"team", clamp(quality + random.nextInt(3) - 1),
								"impact", clamp(quality + bias + random.nextInt(5) - 2))));
			}
		}
		List<ItemResult> last = null;
		for (int w = 0; w < 10; w++) {
			last = Aggregation.aggregate(rubric, items, scores, 12.0);
		}
		long[] nanos = new long[15];
		for (int run = 0; run < nanos.length; run++) {
			long start = System.nanoTime();
			last = Aggregation.aggregate(rubric, items, scores, 12.0);
			nanos[run] = System.nanoTime() - start;
		}
		Arrays.sort(nanos);
		long flagged = last.stream().filter(ItemResult::disagreement).count();
		long failed = last.stream().filter(r -> !r.passedThresholds()).count();
		System.out.printf("normalise and rank %,d items x %d reviews (%,d scores, %d experts): median %.1f ms, best %.1f ms"
				+ " (top item %s normalised %.2f; %d flagged for disagreement, %d failing a threshold)%n", itemCount,
				reviewsPerItem, scores.size(), expertCount, nanos[nanos.length / 2] / 1e6, nanos[0] / 1e6,
				last.get(0).item(), last.get(0).normalised(), flagged, failed);
	}

	private static int clamp(int score) {
		return Math.max(1, Math.min(10, score));
	}

}
