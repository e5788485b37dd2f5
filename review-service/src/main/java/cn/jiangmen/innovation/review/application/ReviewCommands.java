package cn.jiangmen.innovation.review.application;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import cn.jiangmen.innovation.platform.audit.Audit;
import cn.jiangmen.innovation.platform.error.InvalidInputException;
import cn.jiangmen.innovation.review.domain.Caller;
import cn.jiangmen.innovation.review.domain.OpenReview;
import cn.jiangmen.innovation.review.domain.ReviewItem;
import cn.jiangmen.innovation.review.domain.ReviewItems;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/** State changes of review items; each one in one transaction with its audit record. */
@Service
public class ReviewCommands {

	static final String OBJECT_TYPE = "review_item";

	private final ReviewItems items;

	private final Audit audit;

	private final JsonMapper json;

	private final Clock clock;

	public ReviewCommands(ReviewItems items, Audit audit, JsonMapper json, Clock clock) {
		this.items = items;
		this.audit = audit;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * Opens the review of an item, or returns the item opened earlier with the same idempotency key.
	 * The same key with different content is refused naming {@code idempotency_key}. The request is
	 * validated only after the caller's role is checked, so unauthorised callers learn nothing.
	 */
	@Transactional
	public ReviewItem open(Caller caller, Supplier<OpenReview> input) {
		if (!caller.mayOpenReviews()) {
			throw new AccessDeniedException("Only the service account and program managers open reviews");
		}
		OpenReview request = input.get();
		Instant now = this.clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
		ReviewItem candidate = ReviewItem.open(request, caller.username(), now);
		if (!this.items.addIfKeyUnused(candidate)) {
			ReviewItem first = this.items.findByIdempotencyKey(request.idempotencyKey())
				.orElseThrow(() -> new IllegalStateException("Idempotency key taken but no item found"));
			if (!first.isSameRequestAs(request)) {
				throw new InvalidInputException("idempotency_key", "idempotency-key.reused",
						"was already used for a different request");
			}
			return first;
		}
		this.audit.record(caller.username(), now, "review.opened", OBJECT_TYPE, candidate.id(), null, snapshot(candidate));
		return candidate;
	}

	private Map<String, Object> snapshot(ReviewItem item) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("id", item.id().toString());
		state.put("owningContext", item.owningContext().name());
		state.put("itemId", item.itemId().toString());
		state.put("title", item.title());
		state.put("fieldCodes", item.fieldCodes());
		state.put("organisationIds", item.organisationIds().stream().map(UUID::toString).toList());
		state.put("state", item.state().name());
		return state;
	}

}
