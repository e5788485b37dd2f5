package cn.jiangmen.innovation.review.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A review round: a panel reviewing a set of items of one owning context with one rubric.
 *
 * @param blind whether experts are kept from seeing each other's names (and applicants' names are
 *        not the concern of this service)
 * @param deadline individual reviews are due by then
 * @param disagreementLimit standard deviation of overall scores (points) above which an item is flagged
 */
public record ReviewRound(RoundId id, String name, OwningContext owningContext, Rubric rubric, boolean blind,
		Instant deadline, int reviewersPerItem, int maxItemsPerExpert, double disagreementLimit, State state,
		String openedBy, Instant openedAt, Optional<String> confirmedBy, Optional<Instant> confirmedAt, long version) {

	public enum State {

		/** Assigning, scoring and consensus. */
		OPEN,
		/** The manager confirmed the ranking; it was sent back to the owning service. */
		CONFIRMED

	}

	public ReviewRound {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(rubric, "rubric");
		Objects.requireNonNull(deadline, "deadline");
		Objects.requireNonNull(state, "state");
	}

	public boolean isOpen() {
		return this.state == State.OPEN;
	}

	public ReviewRound confirmed(String by, Instant at) {
		return new ReviewRound(this.id, this.name, this.owningContext, this.rubric, this.blind, this.deadline,
				this.reviewersPerItem, this.maxItemsPerExpert, this.disagreementLimit, State.CONFIRMED, this.openedBy,
				this.openedAt, Optional.of(by), Optional.of(at), this.version);
	}

}
