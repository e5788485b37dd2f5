package cn.jiangmen.innovation.project.web.execution;

import java.util.List;
import java.util.UUID;

import cn.jiangmen.innovation.platform.domain.Ids;
import cn.jiangmen.innovation.platform.paging.PageRequest;
import cn.jiangmen.innovation.platform.security.Callers;
import cn.jiangmen.innovation.project.application.execution.ChangeRequestCommands;
import cn.jiangmen.innovation.project.application.execution.ExecutionQueries;
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
@RequestMapping("/api/projects/projects/{projectId}/change-requests")
@Tag(name = "Change requests", description = "Changes (变更) of dates, budget lines, partners and KPI targets, with before/after")
class ChangeRequestController {

	private final ChangeRequestCommands commands;

	private final ExecutionQueries queries;

	ChangeRequestController(ChangeRequestCommands commands, ExecutionQueries queries) {
		this.commands = commands;
		this.queries = queries;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(operationId = "requestChange", summary = "The lead organisation asks for a change, with a reason",
			description = "kind decides which fields count: MILESTONE_DATE (milestoneId, newDueDate), BUDGET_REALLOCATION "
					+ "(fromCategory, toCategory, amount in yuan), PARTNER (partnerAction, organisationId, partnerRole), "
					+ "KPI_TARGET (kpiTargetId, newTarget).")
	ExecutionViews.ChangeRequestView request(@PathVariable("projectId") String projectId,
			@RequestBody ExecutionRequests.RequestChange body) {
		ChangeRequestCommands.ChangeInput input = new ChangeRequestCommands.ChangeInput(body.kind(), body.reason(),
				body.milestoneId(), body.newDueDate(), body.fromCategory(), body.toCategory(), body.amount(),
				body.partnerAction(), body.organisationId(), body.partnerRole(), body.kpiTargetId(), body.newTarget());
		return ExecutionViews.ChangeRequestView
			.of(this.commands.request(ProjectId.parse(projectId, "projectId"), input, Callers.current()));
	}

	@GetMapping
	@Operation(operationId = "listChangeRequests", summary = "The project's change requests with before/after, newest first, paginated")
	ExecutionViews.ChangeRequestPage list(@PathVariable("projectId") String projectId,
			@RequestParam(name = "pageSize", defaultValue = "0") int pageSize,
			@RequestParam(name = "pageToken", required = false) String pageToken) {
		PageRequest page = PageRequest.of(pageSize, pageToken, "pageSize", "pageToken");
		List<ExecutionViews.ChangeRequestView> items = this.queries
			.changeRequests(ProjectId.parse(projectId, "projectId"), page, Callers.current())
			.stream()
			.map(ExecutionViews.ChangeRequestView::of)
			.toList();
		return new ExecutionViews.ChangeRequestPage(items, page.nextToken(items.size()));
	}

	@PostMapping("/{changeRequestId}/approval")
	@Operation(operationId = "approveChangeRequest", summary = "The manager approves a pending change; it is applied at once")
	ExecutionViews.ChangeRequestView approve(@PathVariable("projectId") String projectId,
			@PathVariable("changeRequestId") String changeRequestId, @RequestBody(required = false) ExecutionRequests.Decision body) {
		return ExecutionViews.ChangeRequestView.of(this.commands.approve(ProjectId.parse(projectId, "projectId"),
				id(changeRequestId), body == null ? null : body.reason(), Callers.current()));
	}

	@PostMapping("/{changeRequestId}/rejection")
	@Operation(operationId = "rejectChangeRequest", summary = "The manager rejects a pending change with a reason")
	ExecutionViews.ChangeRequestView reject(@PathVariable("projectId") String projectId,
			@PathVariable("changeRequestId") String changeRequestId, @RequestBody ExecutionRequests.Decision body) {
		return ExecutionViews.ChangeRequestView.of(this.commands.reject(ProjectId.parse(projectId, "projectId"),
				id(changeRequestId), body.reason(), Callers.current()));
	}

	@PostMapping("/{changeRequestId}/withdrawal")
	@Operation(operationId = "withdrawChangeRequest", summary = "The lead organisation withdraws its pending change request")
	ExecutionViews.ChangeRequestView withdraw(@PathVariable("projectId") String projectId,
			@PathVariable("changeRequestId") String changeRequestId) {
		return ExecutionViews.ChangeRequestView.of(this.commands.withdraw(ProjectId.parse(projectId, "projectId"),
				id(changeRequestId), Callers.current()));
	}

	private static UUID id(String text) {
		return Ids.parse(text, "changeRequestId", id -> id);
	}

}
