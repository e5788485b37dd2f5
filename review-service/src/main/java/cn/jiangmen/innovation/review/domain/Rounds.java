package cn.jiangmen.innovation.review.domain;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Review rounds and their items (with each item's rapporteur). */
public interface Rounds {

	void add(ReviewRound round);

	Optional<ReviewRound> find(RoundId id);

	/** Newest first. */
	List<ReviewRound> all();

	/** One page of {@link #all()}. */
	List<ReviewRound> page(int offset, int limit);

	/** Saves a state change; fails with a conflict when the version moved on meanwhile. */
	void update(ReviewRound round);

	void addItem(RoundId round, ReviewItemId item);

	List<ReviewItemId> items(RoundId round);

	Optional<RoundId> roundOf(ReviewItemId item);

	Map<ReviewItemId, ExpertId> rapporteurs(RoundId round);

	void setRapporteur(RoundId round, ReviewItemId item, ExpertId expert);

}
