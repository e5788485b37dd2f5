package cn.jiangmen.innovation.review.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import cn.jiangmen.innovation.review.domain.ReviewItem;

/** A review item as the REST API shows it. */
public record ReviewItemView(UUID id, String owningContext, String itemKind, UUID itemId, String title, List<String> fieldCodes,
		List<UUID> organisationIds, List<String> organisationNames, Instant submittedAt, String state,
		Instant openedAt) {

	static ReviewItemView of(ReviewItem item) {
		return new ReviewItemView(item.id().value(), item.owningContext().name(), item.itemKind().name(), item.itemId(), item.title(),
				item.fieldCodes(), item.organisationIds(), item.organisationNames(), item.submittedAt().orElse(null), item.state().name(),
				item.openedAt());
	}

}
