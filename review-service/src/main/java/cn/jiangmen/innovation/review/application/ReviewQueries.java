package cn.jiangmen.innovation.review.application;

import cn.jiangmen.innovation.review.domain.ReviewAccess;
import cn.jiangmen.innovation.platform.paging.PageRequest;
import java.util.List;

import cn.jiangmen.innovation.platform.error.NotFoundException;
import cn.jiangmen.innovation.platform.domain.Caller;
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

	private final ExpertWork experts;

	public ReviewQueries(ReviewItems items, ExpertWork experts) {
		this.items = items;
		this.experts = experts;
	}

	public List<ReviewItem> visibleTo(Caller caller, PageRequest page) {
		requireMayList(caller);
		if (ReviewAccess.seesAllItems(caller)) {
			return this.items.all(page.offset(), page.size());
		}
		// Experts: only items of their non-conflicted assignments, content after declaring no conflict.
		return this.experts.mine(caller)
			.stream()
			.filter(view -> view.assignment().showsContent())
			.skip(page.offset())
			.limit(page.size())
			.map(view -> this.items.find(view.assignment().item()).orElseThrow())
			.toList();
	}

	/**
	 * Not visible is reported as not found, so ids cannot be probed. An expert reaches an item only
	 * through their own non-conflicted assignment, and only after declaring no conflict (403 before).
	 */
	@Transactional
	public ReviewItem get(ReviewItemId id, Caller caller) {
		requireMayList(caller);
		if (!ReviewAccess.seesAllItems(caller)) {
			return this.experts.item(caller, id);
		}
		return this.items.find(id)
			.filter(item -> item.isVisibleTo(caller))
			.orElseThrow(() -> new NotFoundException("Review item", id));
	}

	private static void requireMayList(Caller caller) {
		if (!ReviewAccess.mayListItems(caller)) {
			throw new AccessDeniedException("Review items are for managers, auditors and assigned experts");
		}
	}

}
