package cn.jiangmen.innovation.review.web;

import java.time.Instant;
import java.util.List;

import cn.jiangmen.innovation.platform.error.InvalidInputException;
import cn.jiangmen.innovation.review.domain.Criterion;
import cn.jiangmen.innovation.review.domain.OpenRound;
import cn.jiangmen.innovation.review.domain.OwningContext;
import cn.jiangmen.innovation.review.domain.Rubric;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The body of "open a round". Only maps JSON to the domain's {@link OpenRound#of}, which checks
 * every field and names it by the same camelCase path as here ({@code rubric.criteria[0].weightPercent}).
 * Absent numbers become 0 so that the domain names them, never a parse failure without a field.
 */
record OpenRoundBody(String name, @Schema(allowableValues = { "TALENT", "PROJECT" }) String owningContext,
		List<String> reviewItemIds, RubricBody rubric, Boolean blind, Instant deadline, Integer reviewersPerItem,
		Integer maxItemsPerExpert,
		@Schema(description = "Standard deviation of overall scores, in hundredths of a point, above which an item is flagged") Integer disagreementLimitHundredths) {

	record CriterionBody(String code, String name, Integer weightPercent, Integer threshold) {
	}

	/** @param overallThresholdHundredths the lowest passing overall score (0..100 points) in hundredths */
	record RubricBody(List<CriterionBody> criteria, Integer scaleMin, Integer scaleMax,
			Integer overallThresholdHundredths) {

		Rubric toDomain() {
			List<Criterion> checked = this.criteria == null ? List.of()
					: this.criteria.stream()
						.map(c -> new Criterion(c.code() == null ? "" : c.code(), c.name() == null ? "" : c.name(),
								orZero(c.weightPercent()), orZero(c.threshold())))
						.toList();
			return Rubric.of(checked, orZero(this.scaleMin), orZero(this.scaleMax),
					orZero(this.overallThresholdHundredths));
		}

	}

	static OpenRound toDomain(OpenRoundBody body, Instant now) {
		if (body == null) {
			throw new InvalidInputException("body", "required", "must not be empty");
		}
		return body.toDomain(now);
	}

	OpenRound toDomain(Instant now) {
		return OpenRound.of(this.name, owningContext(this.owningContext),
				this.reviewItemIds == null ? List.of() : this.reviewItemIds,
				() -> this.rubric == null ? null : this.rubric.toDomain(), Boolean.TRUE.equals(this.blind), this.deadline, orZero(this.reviewersPerItem),
				orZero(this.maxItemsPerExpert), orZero(this.disagreementLimitHundredths), now);
	}

	/** Unknown names become null, which the domain reports as a bad field. */
	private static OwningContext owningContext(String text) {
		try {
			return text == null ? null : OwningContext.valueOf(text);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	static int orZero(Integer value) {
		return value == null ? 0 : value;
	}

}
