package cn.jiangmen.innovation.project.grpc;

import java.util.List;

import cn.jiangmen.innovation.contracts.project.v1.GetMilestoneStatusRequest;
import cn.jiangmen.innovation.contracts.project.v1.GetMilestoneStatusResponse;
import cn.jiangmen.innovation.contracts.project.v1.GetProjectSummaryRequest;
import cn.jiangmen.innovation.contracts.project.v1.GetProjectSummaryResponse;
import cn.jiangmen.innovation.contracts.project.v1.ListDueMilestonesRequest;
import cn.jiangmen.innovation.contracts.project.v1.ListDueMilestonesResponse;
import cn.jiangmen.innovation.contracts.project.v1.ListMilestonesRequest;
import cn.jiangmen.innovation.contracts.project.v1.ListMilestonesResponse;
import cn.jiangmen.innovation.contracts.project.v1.MilestoneState;
import cn.jiangmen.innovation.contracts.project.v1.ProjectServiceGrpc;
import cn.jiangmen.innovation.platform.error.InvalidInputException;
import cn.jiangmen.innovation.platform.grpc.ProtoTimes;
import cn.jiangmen.innovation.platform.paging.PageRequest;
import cn.jiangmen.innovation.platform.security.Callers;
import cn.jiangmen.innovation.project.application.MilestoneQueries;
import cn.jiangmen.innovation.project.application.execution.ExecutionQueries;
import cn.jiangmen.innovation.project.domain.Milestone;
import cn.jiangmen.innovation.project.domain.MilestoneId;
import cn.jiangmen.innovation.project.domain.ProjectId;
import cn.jiangmen.innovation.project.domain.execution.DueMilestone;
import cn.jiangmen.innovation.project.domain.execution.PlannedMilestone;
import io.grpc.ServerServiceDefinition;

import org.springframework.stereotype.Component;

/**
 * GetMilestoneStatus, GetProjectSummary, ListMilestones, ListDueMilestones: what managers, funding
 * (before it pays a tranche) and the portal read.
 */
@Component
class ProjectExecutionRpcs implements ProjectRpcGroup {

	private final ExecutionQueries queries;

	private final MilestoneQueries milestones;

	ProjectExecutionRpcs(ExecutionQueries queries, MilestoneQueries milestones) {
		this.queries = queries;
		this.milestones = milestones;
	}

	@Override
	public void bindTo(ServerServiceDefinition.Builder service) {
		ProjectRpcGroup.unary(service, ProjectServiceGrpc.getGetMilestoneStatusMethod(), this::getMilestoneStatus);
		ProjectRpcGroup.unary(service, ProjectServiceGrpc.getGetProjectSummaryMethod(), this::getProjectSummary);
		ProjectRpcGroup.unary(service, ProjectServiceGrpc.getListMilestonesMethod(), this::listMilestones);
		ProjectRpcGroup.unary(service, ProjectServiceGrpc.getListDueMilestonesMethod(), this::listDueMilestones);
	}

	GetMilestoneStatusResponse getMilestoneStatus(GetMilestoneStatusRequest request) {
		ProjectId projectId = ProjectId.parse(request.getProjectId(), "project_id");
		MilestoneId milestoneId = MilestoneId.parse(request.getMilestoneId(), "milestone_id");
		Milestone milestone = this.milestones.get(projectId, milestoneId, Callers.current());
		GetMilestoneStatusResponse.Builder response = GetMilestoneStatusResponse.newBuilder()
			.setProjectId(milestone.projectId().toString())
			.setMilestoneId(milestone.id().toString())
			.setState(MilestoneState.valueOf("MILESTONE_STATE_" + milestone.state().name()));
		milestone.acceptedAt().ifPresent(at -> response.setAcceptedAt(ProtoTimes.timestamp(at)));
		return response.build();
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
