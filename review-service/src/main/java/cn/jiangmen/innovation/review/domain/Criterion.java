package cn.jiangmen.innovation.review.domain;

import java.util.Objects;

/**
 * One criterion of a rubric.
 *
 * @param code stable key (letters, digits, dash), used in score maps
 * @param weightPercent share of the overall score; the weights of a rubric add up to 100
 * @param threshold the lowest passing score on the rubric's scale (0 = no threshold)
 */
public record Criterion(String code, String name, int weightPercent, int threshold) {

	public Criterion {
		Objects.requireNonNull(code, "code");
		Objects.requireNonNull(name, "name");
	}

}
