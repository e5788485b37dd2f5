package cn.jiangmen.innovation.talent.domain;

import java.time.Instant;
import java.util.Optional;

/** Review outcomes already recorded, by idempotency key (implemented in persistence). */
public interface RecordedOutcomes {

	/** What was recorded under a key, and the status it led to. */
	record Recorded(String idempotencyKey, ApplicationId applicationId, ReviewOutcome outcome,
			ApplicationStatus resultingStatus) {

		public boolean isSameRequestAs(ApplicationId otherApplication, ReviewOutcome other) {
			return this.applicationId.equals(otherApplication) && this.outcome.equals(other);
		}

	}

	/**
	 * Claims the key for this request; false when it was claimed before (by this request or another),
	 * in which case {@link #find(String)} has the first one. Waits for a concurrent claim to commit.
	 */
	boolean claim(String idempotencyKey, ApplicationId applicationId, ReviewOutcome outcome, String actor,
			Instant now);

	void complete(String idempotencyKey, ApplicationStatus resultingStatus);

	Optional<Recorded> find(String idempotencyKey);

}
