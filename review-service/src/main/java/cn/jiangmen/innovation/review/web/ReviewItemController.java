package cn.jiangmen.innovation.review.web;

import cn.jiangmen.innovation.platform.paging.PageRequest;
import java.util.List;

import cn.jiangmen.innovation.review.application.Callers;
import cn.jiangmen.innovation.review.application.ReviewQueries;
import cn.jiangmen.innovation.review.domain.ReviewItemId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/review/items")
@Tag(name = "Review items", description = "Items under expert review visible to the caller")
class ReviewItemController {

	private final ReviewQueries queries;

	ReviewItemController(ReviewQueries queries) {
		this.queries = queries;
	}

	@GetMapping
	@Operation(summary = "Review items the caller may see, newest first",
			description = "Managers and auditors see all; experts see items assigned to them; applicants get 403.")
	ReviewItemPage list(@RequestParam(name = "pageSize", defaultValue = "0") int pageSize,
			@RequestParam(name = "pageToken", required = false) String pageToken) {
		PageRequest page = PageRequest.of(pageSize, pageToken, "pageSize", "pageToken");
		List<ReviewItemView> items = this.queries.visibleTo(Callers.current(), page)
			.stream()
			.map(ReviewItemView::of)
			.toList();
		return new ReviewItemPage(items, page.nextToken(items.size()));
	}

	@GetMapping("/{id}")
	@Operation(operationId = "getReviewItem", summary = "One review item, if the caller may see it (404 otherwise)")
	ReviewItemView get(@PathVariable("id") String id) {
		return ReviewItemView.of(this.queries.get(ReviewItemId.parse(id, "id"), Callers.current()));
	}

}
