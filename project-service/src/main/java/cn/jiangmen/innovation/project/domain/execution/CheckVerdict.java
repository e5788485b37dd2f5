package cn.jiangmen.innovation.project.domain.execution;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.Objects;
import java.util.Optional;

/**
 * What the expert panel's outcome of a check round means for the project, as the bureau's rule:
 * the panel passed every threshold of the check rubric → PASS; it did not, but the final score
 * reaches the rectification floor → RECTIFY (整改) by today + the rectification period; below the
 * floor → FAIL. review-service scores; project-service owns the consequence, so the floor and the
 * period are project-service settings, not part of the rubric.
 */
public record CheckVerdict(CheckRound.Outcome outcome, BigDecimal panelScore, Optional<LocalDate> rectifyBy,
		String reasons) {

	public CheckVerdict {
		Objects.requireNonNull(outcome, "outcome");
		Objects.requireNonNull(panelScore, "panelScore");
		Objects.requireNonNull(rectifyBy, "rectifyBy");
	}

	/**
	 * @param finalScoreHundredths the panel's consensus score, 0..10000 hundredths of a point
	 * @param rectifyFloorHundredths the lowest score that may still be rectified rather than failed
	 */
	public static CheckVerdict of(boolean passedThresholds, int finalScoreHundredths, int rectifyFloorHundredths,
			LocalDate today, Period rectifyPeriod) {
		BigDecimal score = BigDecimal.valueOf(finalScoreHundredths, 2);
		if (passedThresholds) {
			return new CheckVerdict(CheckRound.Outcome.PASS, score, Optional.empty(),
					"The expert panel passed the round with " + score.toPlainString() + " points.");
		}
		if (finalScoreHundredths >= rectifyFloorHundredths) {
			LocalDate by = today.plus(rectifyPeriod);
			return new CheckVerdict(CheckRound.Outcome.RECTIFY, score, Optional.of(by),
					"The expert panel scored " + score.toPlainString() + " points and did not pass every threshold of the"
							+ " check rubric; at least " + BigDecimal.valueOf(rectifyFloorHundredths, 2).toPlainString()
							+ " points may be rectified: rectify (整改) by " + by + ".");
		}
		return new CheckVerdict(CheckRound.Outcome.FAIL, score, Optional.empty(),
				"The expert panel scored " + score.toPlainString() + " points, below the rectification floor of "
						+ BigDecimal.valueOf(rectifyFloorHundredths, 2).toPlainString() + " points.");
	}

}
