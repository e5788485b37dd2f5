package cn.jiangmen.innovation.talent.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import cn.jiangmen.innovation.platform.error.InvalidInputException;
import cn.jiangmen.innovation.talent.application.ApplicationQueries;
import cn.jiangmen.innovation.platform.paging.PageRequest;
import cn.jiangmen.innovation.platform.security.Callers;
import cn.jiangmen.innovation.talent.domain.ApplicantNotice;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/talent/notices")
@Tag(name = "Notices", description = "Decisions the host organisation is told about")
class NoticeController {

	private final ApplicationQueries queries;

	NoticeController(ApplicationQueries queries) {
		this.queries = queries;
	}

	@GetMapping
	@Operation(summary = "The latest decisions on the caller's organisation's applications, newest first",
			description = "Applicants only (403 otherwise). limit 1 to 100, default 20.")
	List<NoticeView> latest(@RequestParam(name = "limit", defaultValue = "20") int limit) {
		if (limit < 1 || limit > 100) {
			throw new InvalidInputException("limit", "range", "must be 1 to 100");
		}
		return this.queries.noticesFor(Callers.current(), new PageRequest(0, limit)).stream().map(NoticeView::of).toList();
	}

	record NoticeView(UUID id, UUID applicationId, String applicationTitle, String status, String detail, Instant at) {

		static NoticeView of(ApplicantNotice n) {
			return new NoticeView(n.id(), n.applicationId().value(), n.applicationTitle(), n.status().name(),
					n.detail(), n.at());
		}

	}

}
