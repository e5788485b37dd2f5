package cn.jiangmen.innovation.review.application;

import java.util.List;

import cn.jiangmen.innovation.platform.error.NotFoundException;
import cn.jiangmen.innovation.review.domain.Caller;
import cn.jiangmen.innovation.review.domain.ReviewItem;
import cn.jiangmen.innovation.review.domain.ReviewItemId;
import cn.jiangmen.innovation.review.domain.ReviewItems;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read side of review items, with the role and per-object rules applied on every path. */
@Service
@Transactional(readOnly = true)
public class ReviewQueries {

	private final ReviewItems items;

	public ReviewQueries(ReviewItems items) {
		this.items = items;
	}

	public List<ReviewItem> visibleTo(Caller caller, PageRequest page) {
		requireMayList(caller);
		if (caller.seesAllItems()) {
			return this.items.all(page.offset(), page.size());
		}
		// Experts: only assigned items; assignments do not exist yet.
		return List.of();
	}

	/** Not visible is reported as not found, so ids cannot be probed. */
	public ReviewItem get(ReviewItemId id, Caller caller) {
		requireMayList(caller);
		return this.items.find(id)
			.filter(item -> item.isVisibleTo(caller))
			.orElseThrow(() -> new NotFoundException("Review item", id));
	}

	private static void requireMayList(Caller caller) {
		if (!caller.mayListItems()) {
			throw new AccessDeniedException("Review items are for managers, auditors and assigned experts");
		}
	}

}
