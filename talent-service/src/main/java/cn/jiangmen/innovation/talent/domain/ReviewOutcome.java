package cn.jiangmen.innovation.talent.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** The confirmed panel result review-service reports for an application. */
public record ReviewOutcome(UUID reviewItemId, int rank, int scoreHundredths, boolean passedThresholds,
		Instant confirmedAt) {

	public ReviewOutcome {
		Objects.requireNonNull(reviewItemId, "reviewItemId");
		Objects.requireNonNull(confirmedAt, "confirmedAt");
	}

}
