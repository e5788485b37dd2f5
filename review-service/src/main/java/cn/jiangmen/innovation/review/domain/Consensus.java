package cn.jiangmen.innovation.review.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import cn.jiangmen.innovation.platform.error.FieldViolation;
import cn.jiangmen.innovation.platform.error.InvalidInputException;

/**
 * The rapporteur's consensus report on one item: final scores per criterion and the text agreed by
 * the panel. The final overall score and threshold result are derived from the rubric.
 */
public record Consensus(ReviewItemId item, RoundId round, ExpertId rapporteur, Map<String, Integer> finalScores,
		String report, int finalHundredths, List<String> failedThresholds, Instant writtenAt, long version) {

	public static final int MAX_REPORT = 20000;

	public Consensus {
		Objects.requireNonNull(item, "item");
		finalScores = Map.copyOf(finalScores);
		failedThresholds = List.copyOf(failedThresholds);
	}

	public static Consensus write(Rubric rubric, ReviewItemId item, RoundId round, ExpertId rapporteur,
			Map<String, Integer> finalScores, String report, Instant at, long version) {
		List<FieldViolation> violations = new java.util.ArrayList<>(rubric.check(finalScores, true, "finalScores"));
		String text = report == null ? "" : report.strip();
		if (text.isEmpty()) {
			violations.add(new FieldViolation("report", "required", "must not be blank"));
		}
		else if (text.length() > MAX_REPORT) {
			violations.add(new FieldViolation("report", "too-long", "must be at most " + MAX_REPORT + " characters"));
		}
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		return new Consensus(item, round, rapporteur, finalScores, text, rubric.overallHundredths(finalScores),
				rubric.failedThresholds(finalScores), at, version);
	}

	public boolean passedThresholds() {
		return this.failedThresholds.isEmpty();
	}

}
