package cn.jiangmen.innovation.talent.web;

import java.util.List;

import cn.jiangmen.innovation.talent.application.ApplicationQueries;
import cn.jiangmen.innovation.talent.application.PageRequest;
import cn.jiangmen.innovation.talent.application.Viewers;
import cn.jiangmen.innovation.talent.domain.ApplicationId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/talent/applications")
@Tag(name = "Applications", description = "Talent programme applications visible to the caller")
class ApplicationController {

	private final ApplicationQueries queries;

	ApplicationController(ApplicationQueries queries) {
		this.queries = queries;
	}

	@GetMapping
	@Operation(summary = "Applications the caller may see, newest first",
			description = "Applicants see their organisation's applications; managers and auditors see all.")
	ApplicationPage list(@RequestParam(name = "pageSize", defaultValue = "0") int pageSize,
			@RequestParam(name = "pageToken", required = false) String pageToken) {
		PageRequest page = PageRequest.of(pageSize, pageToken, "pageSize", "pageToken");
		List<ApplicationView> items = this.queries.visibleTo(Viewers.current(), page)
			.stream()
			.map(ApplicationView::of)
			.toList();
		return new ApplicationPage(items, page.nextToken(items.size()));
	}

	@GetMapping("/{id}")
	@Operation(summary = "One application, if the caller may see it (404 otherwise)")
	ApplicationView get(@PathVariable("id") String id) {
		return ApplicationView.of(this.queries.get(ApplicationId.parse(id, "id"), Viewers.current()));
	}

}
