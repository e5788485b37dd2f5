package cn.jiangmen.innovation.project.web.execution;

import java.util.List;

import cn.jiangmen.innovation.platform.paging.PageRequest;
import cn.jiangmen.innovation.platform.security.Callers;
import cn.jiangmen.innovation.project.application.MilestoneCommands;
import cn.jiangmen.innovation.project.application.execution.ExecutionQueries;
import cn.jiangmen.innovation.project.domain.Milestone;
import cn.jiangmen.innovation.project.domain.MilestoneId;
import cn.jiangmen.innovation.project.domain.ProjectId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/projects/projects/{projectId}/milestones/{milestoneId}")
@Tag(name = "Progress", description = "Progress reports with evidence, and the manager's return of a milestone")
class ProgressReportController {

	private final MilestoneCommands commands;

	private final ExecutionQueries queries;

	ProgressReportController(MilestoneCommands commands, ExecutionQueries queries) {
		this.commands = commands;
		this.queries = queries;
	}

	@PostMapping("/reports")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(operationId = "submitProgressReport", summary = "The lead organisation reports the milestone reached, with KPI values and evidence",
			description = "Documents are named with their SHA-256 (no upload here yet). 409 unless the milestone is PLANNED or returned.")
	ExecutionViews.ProgressReportView report(@PathVariable("projectId") String projectId,
			@PathVariable("milestoneId") String milestoneId, @RequestBody ExecutionRequests.SubmitReport body) {
		MilestoneCommands.ReportInput input = new MilestoneCommands.ReportInput(body.summary(),
				body.kpiValues() == null ? List.of()
						: body.kpiValues().stream().map(v -> new MilestoneCommands.KpiValueInput(v.kpiTargetId(), v.reached())).toList(),
				body.documents() == null ? List.of()
						: body.documents().stream().map(d -> new MilestoneCommands.DocumentInput(d.name(), d.sha256())).toList());
		return ExecutionViews.ProgressReportView.of(this.commands.report(ProjectId.parse(projectId, "projectId"),
				MilestoneId.parse(milestoneId, "milestoneId"), input, Callers.current()));
	}

	@GetMapping("/reports")
	@Operation(operationId = "listProgressReports", summary = "The milestone's progress reports, newest first, paginated")
	ExecutionViews.ProgressReportPage reports(@PathVariable("projectId") String projectId,
			@PathVariable("milestoneId") String milestoneId,
			@RequestParam(name = "pageSize", defaultValue = "0") int pageSize,
			@RequestParam(name = "pageToken", required = false) String pageToken) {
		PageRequest page = PageRequest.of(pageSize, pageToken, "pageSize", "pageToken");
		List<ExecutionViews.ProgressReportView> items = this.queries
			.reports(ProjectId.parse(projectId, "projectId"), MilestoneId.parse(milestoneId, "milestoneId"), page,
					Callers.current())
			.stream()
			.map(ExecutionViews.ProgressReportView::of)
			.toList();
		return new ExecutionViews.ProgressReportPage(items, page.nextToken(items.size()));
	}

	@GetMapping("/decisions")
	@Operation(operationId = "listMilestoneDecisions", summary = "The manager's accept / return decisions on the milestone, newest first")
	List<ExecutionViews.DecisionView> decisions(@PathVariable("projectId") String projectId,
			@PathVariable("milestoneId") String milestoneId) {
		return this.queries
			.decisions(ProjectId.parse(projectId, "projectId"), MilestoneId.parse(milestoneId, "milestoneId"), Callers.current())
			.stream()
			.map(ExecutionViews.DecisionView::of)
			.toList();
	}

	@PostMapping("/return")
	@Operation(operationId = "returnMilestone", summary = "Return a reported milestone with reasons (program managers; 409 for any other state)")
	ExecutionViews.MilestoneStateView returnForRework(@PathVariable("projectId") String projectId,
			@PathVariable("milestoneId") String milestoneId, @RequestBody ExecutionRequests.Reasons body) {
		Milestone milestone = this.commands.returnForRework(ProjectId.parse(projectId, "projectId"),
				MilestoneId.parse(milestoneId, "milestoneId"), body.reasons(), Callers.current());
		return new ExecutionViews.MilestoneStateView(milestone.id().value(), milestone.state().name());
	}

}
