package cn.jiangmen.innovation.project.grpc;

import java.util.List;

import cn.jiangmen.innovation.contracts.project.v1.GetProjectSummaryRequest;
import cn.jiangmen.innovation.contracts.project.v1.GetProjectSummaryResponse;
import cn.jiangmen.innovation.contracts.project.v1.ListDueMilestonesRequest;
import cn.jiangmen.innovation.contracts.project.v1.ListDueMilestonesResponse;
import cn.jiangmen.innovation.contracts.project.v1.ListMilestonesRequest;
import cn.jiangmen.innovation.contracts.project.v1.ListMilestonesResponse;
import cn.jiangmen.innovation.platform.error.InvalidInputException;
import cn.jiangmen.innovation.platform.paging.PageRequest;
import cn.jiangmen.innovation.platform.security.Callers;
import cn.jiangmen.innovation.project.application.execution.ExecutionQueries;
import cn.jiangmen.innovation.project.domain.ProjectId;
import cn.jiangmen.innovation.project.domain.execution.DueMilestone;
import cn.jiangmen.innovation.project.domain.execution.PlannedMilestone;

import org.springframework.stereotype.Component;

/** GetProjectSummary, ListMilestones, ListDueMilestones: what managers, funding and the portal read. */
@Component
class ProjectExecutionRpcs {

	private final ExecutionQueries queries;

	ProjectExecutionRpcs(ExecutionQueries queries) {
		this.queries = queries;
	}

	GetProjectSummaryResponse getProjectSummary(GetProjectSummaryRequest request) {
		ProjectId id = ProjectId.parse(request.getProjectId(), "project_id");
		return GetProjectSummaryResponse.newBuilder()
			.setSummary(ExecutionMessages.summary(this.queries.summary(id, Callers.current())))
			.build();
	}

	ListMilestonesResponse listMilestones(ListMilestonesRequest request) {
		ProjectId id = ProjectId.parse(request.getProjectId(), "project_id");
		PageRequest page = PageRequest.of(request.getPageSize(), request.getPageToken(), "page_size", "page_token");
		List<PlannedMilestone> found = this.queries.milestones(id, page, Callers.current());
		return ListMilestonesResponse.newBuilder()
			.addAllMilestones(found.stream().map(ExecutionMessages::milestone).toList())
			.setNextPageToken(page.nextToken(found.size()))
			.build();
	}

	ListDueMilestonesResponse listDueMilestones(ListDueMilestonesRequest request) {
		DueMilestone.Window window = switch (request.getWindow()) {
			case DUE_WINDOW_DUE_SOON -> DueMilestone.Window.DUE_SOON;
			case DUE_WINDOW_OVERDUE -> DueMilestone.Window.OVERDUE;
			default -> throw new InvalidInputException("window", "due-window", "must be DUE_SOON or OVERDUE");
		};
		PageRequest page = PageRequest.of(request.getPageSize(), request.getPageToken(), "page_size", "page_token");
		List<DueMilestone> found = this.queries.due(window, page, Callers.current());
		return ListDueMilestonesResponse.newBuilder()
			.addAllDueMilestones(found.stream().map(ExecutionMessages::due).toList())
			.setNextPageToken(page.nextToken(found.size()))
			.build();
	}


}
