package cn.jiangmen.innovation.review.domain;

import java.util.List;
import java.util.Map;

/**
 * Aggregated individual reviews of one item. Scores are overall points 0..100.
 *
 * @param mean raw mean of the reviewers' overall scores
 * @param median raw median
 * @param stdDev population standard deviation of the overall scores
 * @param disagreement stdDev above the round's limit
 * @param meanZ mean of the reviewers' z-scores (each reviewer standardised against their own scores in the round)
 * @param normalised meanZ mapped back to points: grand mean + grand standard deviation x meanZ
 * @param criterionMeans mean score per criterion on the rubric's scale
 * @param failedThresholds criteria whose mean is below their threshold, and "overall" if the mean is
 * @param rank 1-based position in the round by normalised score (then raw mean, then id)
 */
public record ItemResult(ReviewItemId item, int reviews, double mean, double median, double stdDev,
		boolean disagreement, double meanZ, double normalised, Map<String, Double> criterionMeans,
		List<String> failedThresholds, int rank) {

	public boolean passedThresholds() {
		return this.failedThresholds.isEmpty();
	}

}
