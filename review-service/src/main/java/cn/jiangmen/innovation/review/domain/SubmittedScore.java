package cn.jiangmen.innovation.review.domain;

import java.util.Map;
import java.util.Objects;

/** One submitted individual review, as aggregation needs it. */
public record SubmittedScore(ReviewItemId item, ExpertId expert, Map<String, Integer> criterionScores) {

	public SubmittedScore {
		Objects.requireNonNull(item, "item");
		Objects.requireNonNull(expert, "expert");
		criterionScores = Map.copyOf(criterionScores);
	}

}
