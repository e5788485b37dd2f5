package cn.jiangmen.innovation.project.web.execution;

import java.util.List;

import cn.jiangmen.innovation.platform.error.InvalidInputException;
import cn.jiangmen.innovation.platform.paging.PageRequest;
import cn.jiangmen.innovation.platform.security.Callers;
import cn.jiangmen.innovation.project.application.execution.ExecutionQueries;
import cn.jiangmen.innovation.project.domain.ProjectId;
import cn.jiangmen.innovation.project.domain.execution.DueMilestone;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Project execution", description = "A project's stage and milestones; milestones due soon or overdue")
class ProjectExecutionController {

	private final ExecutionQueries queries;

	ProjectExecutionController(ExecutionQueries queries) {
		this.queries = queries;
	}

	@GetMapping("/api/projects/projects/{projectId}/summary")
	@Operation(operationId = "getProjectSummary", summary = "Stage, task book, milestones with state, due date and tranche, rounds",
			description = "Bureau roles and the lead organisation's applicants; 404 for anyone else.")
	ExecutionViews.ProjectSummaryView summary(@PathVariable("projectId") String projectId) {
		return ExecutionViews.ProjectSummaryView
			.of(this.queries.summary(ProjectId.parse(projectId, "projectId"), Callers.current()));
	}

	@GetMapping("/api/projects/projects/{projectId}/milestones")
	@Operation(operationId = "listMilestones", summary = "The project's milestones in task-book order, paginated")
	ExecutionViews.MilestonePage milestones(@PathVariable("projectId") String projectId,
			@RequestParam(name = "pageSize", defaultValue = "0") int pageSize,
			@RequestParam(name = "pageToken", required = false) String pageToken) {
		ProjectId id = ProjectId.parse(projectId, "projectId");
		PageRequest page = PageRequest.of(pageSize, pageToken, "pageSize", "pageToken");
		List<ExecutionViews.MilestoneView> items = this.queries.milestones(id, page, Callers.current())
			.stream()
			.map(ExecutionViews.MilestoneView::of)
			.toList();
		return new ExecutionViews.MilestonePage(items, page.nextToken(items.size()));
	}

	@GetMapping("/api/projects/due-milestones")
	@Operation(operationId = "listDueMilestones", summary = "Unaccepted milestones due within 30 days (DUE_SOON) or overdue (OVERDUE)",
			description = "By the server clock, earliest first. The bureau sees every project's, an applicant their organisation's.")
	ExecutionViews.DueMilestonePage due(@RequestParam(name = "window", defaultValue = "OVERDUE") String window,
			@RequestParam(name = "pageSize", defaultValue = "0") int pageSize,
			@RequestParam(name = "pageToken", required = false) String pageToken) {
		DueMilestone.Window parsed;
		try {
			parsed = DueMilestone.Window.valueOf(window.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException("window", "due-window", "must be DUE_SOON or OVERDUE");
		}
		PageRequest page = PageRequest.of(pageSize, pageToken, "pageSize", "pageToken");
		List<ExecutionViews.DueMilestoneView> items = this.queries.due(parsed, page, Callers.current())
			.stream()
			.map(ExecutionViews.DueMilestoneView::of)
			.toList();
		return new ExecutionViews.DueMilestonePage(parsed.name(), items, page.nextToken(items.size()));
	}

}
