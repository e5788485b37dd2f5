package cn.jiangmen.innovation.review.domain;

import java.util.List;
import java.util.Optional;

/** The store of review items, as the domain needs it (implemented in persistence). */
public interface ReviewItems {

	/**
	 * Adds the item unless an item with the same idempotency key exists (waiting for a concurrent
	 * writer of that key to finish). Returns false when the key was taken.
	 */
	boolean addIfKeyUnused(ReviewItem item);

	Optional<ReviewItem> find(ReviewItemId id);

	Optional<ReviewItem> findByIdempotencyKey(String idempotencyKey);

	/** The review items of one owner's item (an application reviewed in several rounds has several). */
	List<ReviewItem> findByOwner(OwningContext context, java.util.UUID ownerItemId);

	void updateState(ReviewItemId id, ReviewState state);

	List<ReviewItem> findAll(java.util.Collection<ReviewItemId> ids);

	/** Newest first. */
	List<ReviewItem> all(int offset, int limit);

	/** Items waiting for a round, oldest first, of one owning context or (empty) of all. */
	List<ReviewItem> awaitingRound(Optional<OwningContext> context, int offset, int limit);

}
