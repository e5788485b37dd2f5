package cn.jiangmen.innovation.review.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Aggregation of submitted individual reviews of a round, a pure function.
 *
 * <p>Each review's overall score (0..100 points) is the rubric's weighted score. A reviewer's
 * z-score for a review is (score - reviewer's mean) / reviewer's population standard deviation,
 * over that reviewer's reviews in the round; a reviewer with fewer than two reviews, or who gave
 * every item the same score, is standardised against the whole round instead (grand mean and
 * deviation), and a round whose scores are all equal gives z = 0. Items are ranked by normalised
 * score, then raw mean, both descending, then by id; items without reviews rank last.
 */
public final class Aggregation {

	private Aggregation() {
	}

	public static List<ItemResult> aggregate(Rubric rubric, List<ReviewItemId> items, List<SubmittedScore> scores,
			double disagreementLimit) {
		int n = scores.size();
		double[] overall = new double[n];
		double grandSum = 0;
		Map<ExpertId, double[]> reviewerSums = new HashMap<>();
		for (int i = 0; i < n; i++) {
			overall[i] = rubric.overallHundredths(scores.get(i).criterionScores()) / 100.0;
			grandSum += overall[i];
			double[] s = reviewerSums.computeIfAbsent(scores.get(i).expert(), k -> new double[3]);
			s[0]++;
			s[1] += overall[i];
			s[2] += overall[i] * overall[i];
		}
		double grandMean = n == 0 ? 0 : grandSum / n;
		double grandVar = 0;
		for (double v : overall) {
			grandVar += (v - grandMean) * (v - grandMean);
		}
		double grandSd = n == 0 ? 0 : Math.sqrt(grandVar / n);

		Map<ReviewItemId, List<Integer>> byItem = new LinkedHashMap<>();
		items.forEach(item -> byItem.put(item, new ArrayList<>()));
		for (int i = 0; i < n; i++) {
			byItem.computeIfAbsent(scores.get(i).item(), k -> new ArrayList<>()).add(i);
		}
		List<ItemResult> unranked = new ArrayList<>(byItem.size());
		for (Map.Entry<ReviewItemId, List<Integer>> entry : byItem.entrySet()) {
			List<Integer> idx = entry.getValue();
			int k = idx.size();
			if (k == 0) {
				unranked.add(new ItemResult(entry.getKey(), 0, Double.NaN, Double.NaN, Double.NaN, false, Double.NaN,
						Double.NaN, Map.of(), List.of(), 0));
				continue;
			}
			double[] values = new double[k];
			double sum = 0;
			double zSum = 0;
			Map<String, Double> criterionSums = new LinkedHashMap<>();
			for (int j = 0; j < k; j++) {
				int i = idx.get(j);
				values[j] = overall[i];
				sum += overall[i];
				zSum += zScore(overall[i], reviewerSums.get(scores.get(i).expert()), grandMean, grandSd);
				for (Criterion c : rubric.criteria()) {
					criterionSums.merge(c.code(), scores.get(i).criterionScores().get(c.code()).doubleValue(), Double::sum);
				}
			}
			double mean = sum / k;
			double var = 0;
			for (double v : values) {
				var += (v - mean) * (v - mean);
			}
			double sd = Math.sqrt(var / k);
			Arrays.sort(values);
			double median = k % 2 == 1 ? values[k / 2] : (values[k / 2 - 1] + values[k / 2]) / 2;
			Map<String, Double> criterionMeans = new LinkedHashMap<>();
			criterionSums.forEach((code, total) -> criterionMeans.put(code, total / k));
			double meanZ = zSum / k;
			List<String> failed = failed(rubric, criterionMeans, mean);
			unranked.add(new ItemResult(entry.getKey(), k, mean, median, sd, sd > disagreementLimit, meanZ,
					grandMean + grandSd * meanZ, criterionMeans, failed, 0));
		}
		unranked.sort(Comparator.comparing((ItemResult r) -> r.reviews() == 0)
			.thenComparing(Comparator.comparingDouble(ItemResult::normalised).reversed())
			.thenComparing(Comparator.comparingDouble(ItemResult::mean).reversed())
			.thenComparing(r -> r.item().value()));
		List<ItemResult> ranked = new ArrayList<>(unranked.size());
		for (int i = 0; i < unranked.size(); i++) {
			ItemResult r = unranked.get(i);
			ranked.add(new ItemResult(r.item(), r.reviews(), r.mean(), r.median(), r.stdDev(), r.disagreement(),
					r.meanZ(), r.normalised(), r.criterionMeans(), r.failedThresholds(), i + 1));
		}
		return ranked;
	}

	private static double zScore(double value, double[] reviewer, double grandMean, double grandSd) {
		double count = reviewer[0];
		if (count >= 2) {
			double mean = reviewer[1] / count;
			double var = reviewer[2] / count - mean * mean;
			if (var > 1e-9) {
				return (value - mean) / Math.sqrt(var);
			}
		}
		return grandSd > 1e-9 ? (value - grandMean) / grandSd : 0;
	}

	private static List<String> failed(Rubric rubric, Map<String, Double> criterionMeans, double meanPoints) {
		List<String> failed = new ArrayList<>();
		for (Criterion c : rubric.criteria()) {
			if (c.threshold() > 0 && criterionMeans.get(c.code()) < c.threshold()) {
				failed.add(c.code());
			}
		}
		if (Math.round(meanPoints * 100) < rubric.overallThresholdHundredths()) {
			failed.add("overall");
		}
		return List.copyOf(failed);
	}

}
