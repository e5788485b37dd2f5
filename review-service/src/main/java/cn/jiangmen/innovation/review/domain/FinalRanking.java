package cn.jiangmen.innovation.review.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The panel ranking the manager confirms: by consensus final score (descending), ties broken by the
 * normalised individual scores' rank, then by item id. Pure.
 */
public final class FinalRanking {

	private FinalRanking() {
	}

	public record Outcome(ReviewItemId item, int rank, int finalHundredths, boolean passedThresholds) {
	}

	public static List<Outcome> rank(List<Consensus> reports, List<ItemResult> individual) {
		Map<ReviewItemId, Integer> individualRank = new HashMap<>();
		individual.forEach(r -> individualRank.put(r.item(), r.rank()));
		List<Consensus> sorted = new ArrayList<>(reports);
		sorted.sort(Comparator.comparingInt(Consensus::finalHundredths)
			.reversed()
			.thenComparingInt(c -> individualRank.getOrDefault(c.item(), Integer.MAX_VALUE))
			.thenComparing(c -> c.item().value()));
		List<Outcome> outcomes = new ArrayList<>();
		for (int i = 0; i < sorted.size(); i++) {
			Consensus c = sorted.get(i);
			outcomes.add(new Outcome(c.item(), i + 1, c.finalHundredths(), c.passedThresholds()));
		}
		return outcomes;
	}

}
