package cn.jiangmen.innovation.review.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import cn.jiangmen.innovation.platform.error.FieldViolation;
import cn.jiangmen.innovation.platform.error.InvalidInputException;

/**
 * How items are scored: integer scores from {@code scaleMin} to {@code scaleMax} per criterion,
 * weighted into an overall score of 0 to 100 points (kept in hundredths, never a float).
 *
 * @param overallThresholdHundredths the lowest passing overall score, in hundredths of a point
 */
public record Rubric(List<Criterion> criteria, int scaleMin, int scaleMax, int overallThresholdHundredths) {

	private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9-]{0,31}");

	public Rubric {
		criteria = List.copyOf(criteria);
	}

	/**
	 * Validates a rubric from outside, naming every bad field by its path in the rubric
	 * ({@code criteria[1].weightPercent}); a request holding a rubric prefixes its own name.
	 */
	public static Rubric of(List<Criterion> criteria, int scaleMin, int scaleMax, int overallThresholdHundredths) {
		String prefix = "";
		List<FieldViolation> violations = new ArrayList<>();
		if (criteria.isEmpty() || criteria.size() > 20) {
			violations.add(new FieldViolation(prefix + "criteria", "size", "must have 1 to 20 criteria"));
		}
		if (scaleMin < 0 || scaleMax <= scaleMin || scaleMax > 100) {
			violations.add(new FieldViolation(prefix + "scaleMax", "range",
					"scale must satisfy 0 <= min < max <= 100"));
		}
		int total = 0;
		Set<String> codes = new HashSet<>();
		for (int i = 0; i < criteria.size(); i++) {
			Criterion c = criteria.get(i);
			String at = prefix + "criteria[" + i + "].";
			if (c.code() == null || !CODE.matcher(c.code()).matches()) {
				violations.add(new FieldViolation(at + "code", "malformed", "must be 1-32 lower-case letters, digits or dashes"));
			}
			else if (!codes.add(c.code())) {
				violations.add(new FieldViolation(at + "code", "duplicate", "must be unique in the rubric"));
			}
			if (c.name() == null || c.name().isBlank() || c.name().length() > 200) {
				violations.add(new FieldViolation(at + "name", "required", "must be 1 to 200 characters"));
			}
			if (c.weightPercent() <= 0 || c.weightPercent() > 100) {
				violations.add(new FieldViolation(at + "weightPercent", "range", "must be between 1 and 100"));
			}
			if (c.threshold() < 0 || c.threshold() > scaleMax) {
				violations.add(new FieldViolation(at + "threshold", "range", "must be between 0 and the scale maximum"));
			}
			total += c.weightPercent();
		}
		if (!criteria.isEmpty() && total != 100) {
			violations.add(new FieldViolation(prefix + "criteria", "weights.sum", "weights must add up to 100, not " + total));
		}
		if (overallThresholdHundredths < 0 || overallThresholdHundredths > 10000) {
			violations.add(new FieldViolation(prefix + "overallThresholdHundredths", "range", "must be between 0 and 10000"));
		}
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		return new Rubric(criteria, scaleMin, scaleMax, overallThresholdHundredths);
	}

	/**
	 * Checks scores against the rubric. A draft may leave criteria out; a submission must score all.
	 * Unknown criteria and scores off the scale are always refused, named {@code <field>.<code>}.
	 */
	public List<FieldViolation> check(Map<String, Integer> scores, boolean complete, String field) {
		List<FieldViolation> violations = new ArrayList<>();
		Set<String> known = new HashSet<>();
		for (Criterion c : this.criteria) {
			known.add(c.code());
			Integer score = scores.get(c.code());
			if (score == null) {
				if (complete) {
					violations.add(new FieldViolation(field + "." + c.code(), "required", "must be scored before submitting"));
				}
			}
			else if (score < this.scaleMin || score > this.scaleMax) {
				violations.add(new FieldViolation(field + "." + c.code(), "range",
						"must be between " + this.scaleMin + " and " + this.scaleMax));
			}
		}
		scores.keySet()
			.stream()
			.filter(code -> !known.contains(code))
			.sorted()
			.forEach(code -> violations.add(new FieldViolation(field + "." + code, "unknown", "is not a criterion of this rubric")));
		return violations;
	}

	/**
	 * The weighted overall score of complete criterion scores, 0 to 100 points in hundredths, rounded
	 * half up: sum of weight% x (score - min) / (max - min).
	 */
	public int overallHundredths(Map<String, ? extends Number> scores) {
		double total = 0;
		for (Criterion c : this.criteria) {
			double score = scores.get(c.code()).doubleValue();
			total += c.weightPercent() * (score - this.scaleMin) / (this.scaleMax - this.scaleMin);
		}
		return (int) Math.round(total * 100);
	}

	/** The criteria whose score is below their threshold, plus "overall" when the overall score is. */
	public List<String> failedThresholds(Map<String, ? extends Number> scores) {
		List<String> failed = new ArrayList<>();
		for (Criterion c : this.criteria) {
			if (c.threshold() > 0 && scores.get(c.code()).doubleValue() < c.threshold()) {
				failed.add(c.code());
			}
		}
		if (overallHundredths(scores) < this.overallThresholdHundredths) {
			failed.add("overall");
		}
		return failed;
	}

	public Map<String, Integer> weights() {
		Map<String, Integer> weights = new LinkedHashMap<>();
		this.criteria.forEach(c -> weights.put(c.code(), c.weightPercent()));
		return weights;
	}

}
