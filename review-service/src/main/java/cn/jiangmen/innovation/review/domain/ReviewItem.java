package cn.jiangmen.innovation.review.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import cn.jiangmen.innovation.platform.domain.Caller;

/**
 * One item under expert review. Foundation version: opened from the owning service and waiting
 * for a review round; panels, assignments, conflicts and scores grow on it.
 */
public final class ReviewItem {

	private final ReviewItemId id;

	private final String idempotencyKey;

	private final OwningContext owningContext;

	private final UUID itemId;

	private final String title;

	private final List<String> fieldCodes;

	private final List<UUID> organisationIds;

	private final List<String> organisationNames;

	private final Optional<Instant> submittedAt;

	private final Optional<String> leaderPersonKey;

	private final List<String> memberPersonKeys;

	private final List<String> leaderNameKeys;

	private final ItemKind itemKind;

	private final ReviewState state;

	private final String openedBy;

	private final Instant openedAt;

	public ReviewItem(ReviewItemId id, String idempotencyKey, OwningContext owningContext, UUID itemId, String title,
			List<String> fieldCodes, List<UUID> organisationIds, List<String> organisationNames,
			Optional<Instant> submittedAt, Optional<String> leaderPersonKey, List<String> memberPersonKeys,
			List<String> leaderNameKeys, ItemKind itemKind, ReviewState state, String openedBy, Instant openedAt) {
		this.itemKind = Objects.requireNonNull(itemKind, "itemKind");
		this.id = Objects.requireNonNull(id, "id");
		this.idempotencyKey = Objects.requireNonNull(idempotencyKey, "idempotencyKey");
		this.owningContext = Objects.requireNonNull(owningContext, "owningContext");
		this.itemId = Objects.requireNonNull(itemId, "itemId");
		this.title = Objects.requireNonNull(title, "title");
		this.fieldCodes = List.copyOf(fieldCodes);
		this.organisationIds = List.copyOf(organisationIds);
		this.organisationNames = List.copyOf(organisationNames);
		this.submittedAt = Objects.requireNonNull(submittedAt, "submittedAt");
		this.leaderPersonKey = Objects.requireNonNull(leaderPersonKey, "leaderPersonKey");
		this.memberPersonKeys = List.copyOf(memberPersonKeys);
		this.leaderNameKeys = List.copyOf(leaderNameKeys);
		this.state = Objects.requireNonNull(state, "state");
		this.openedBy = Objects.requireNonNull(openedBy, "openedBy");
		this.openedAt = Objects.requireNonNull(openedAt, "openedAt");
	}

	/** A new item waits for a review round. */
	public static ReviewItem open(OpenReview request, String openedBy, Instant now) {
		return new ReviewItem(ReviewItemId.newId(), request.idempotencyKey(), request.owningContext(),
				request.itemId(), request.title(), request.fieldCodes(), request.organisationIds(),
				request.organisationNames(), request.submittedAt(), request.leaderPersonKey(), request.memberPersonKeys(),
				request.leaderNameKeys(), request.itemKind(), ReviewState.AWAITING_ROUND,
				openedBy, now);
	}

	/**
	 * Whether a retry carries the same request as the one that opened this item: same key and same
	 * content. A key reused for different content is a client bug, not a retry.
	 */
	public boolean isSameRequestAs(OpenReview request) {
		return this.idempotencyKey.equals(request.idempotencyKey()) && this.owningContext == request.owningContext()
				&& this.itemId.equals(request.itemId()) && this.title.equals(request.title())
				&& this.fieldCodes.equals(request.fieldCodes()) && this.organisationIds.equals(request.organisationIds())
				&& this.organisationNames.equals(request.organisationNames())
				&& this.submittedAt.equals(request.submittedAt())
				&& this.leaderPersonKey.equals(request.leaderPersonKey())
				&& this.memberPersonKeys.equals(request.memberPersonKeys())
				&& this.leaderNameKeys.equals(request.leaderNameKeys()) && this.itemKind == request.itemKind();
	}

	/**
	 * Per-object rule for the item as such: managers, auditors and the service account. Experts see
	 * items only through their assignments (see {@code Assignment}).
	 */
	public boolean isVisibleTo(Caller caller) {
		return ReviewAccess.seesAllItems(caller);
	}

	/** Who is on the item, for conflict detection. */
	public ItemParties parties() {
		return new ItemParties(java.util.Set.copyOf(this.organisationIds), this.leaderPersonKey,
				java.util.Set.copyOf(this.leaderNameKeys),
				java.util.Set.copyOf(this.memberPersonKeys));
	}

	public ReviewItem withState(ReviewState newState) {
		return new ReviewItem(this.id, this.idempotencyKey, this.owningContext, this.itemId, this.title,
				this.fieldCodes, this.organisationIds, this.organisationNames, this.submittedAt, this.leaderPersonKey,
				this.memberPersonKeys, this.leaderNameKeys, this.itemKind, newState, this.openedBy, this.openedAt);
	}

	public Optional<String> leaderPersonKey() {
		return this.leaderPersonKey;
	}

	public List<String> memberPersonKeys() {
		return this.memberPersonKeys;
	}

	public List<String> leaderNameKeys() {
		return this.leaderNameKeys;
	}

	/** What the item is; a round holds one kind. */
	public ItemKind itemKind() {
		return this.itemKind;
	}

	public ReviewItemId id() {
		return this.id;
	}

	public String idempotencyKey() {
		return this.idempotencyKey;
	}

	public OwningContext owningContext() {
		return this.owningContext;
	}

	public UUID itemId() {
		return this.itemId;
	}

	public String title() {
		return this.title;
	}

	public List<String> fieldCodes() {
		return this.fieldCodes;
	}

	public List<UUID> organisationIds() {
		return this.organisationIds;
	}

	/** The organisations' names in the order of {@link #organisationIds()}; empty when the owner sent none. */
	public List<String> organisationNames() {
		return this.organisationNames;
	}

	public Optional<Instant> submittedAt() {
		return this.submittedAt;
	}

	public ReviewState state() {
		return this.state;
	}

	public String openedBy() {
		return this.openedBy;
	}

	public Instant openedAt() {
		return this.openedAt;
	}

}
