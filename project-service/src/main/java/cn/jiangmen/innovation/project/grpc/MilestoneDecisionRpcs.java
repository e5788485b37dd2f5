package cn.jiangmen.innovation.project.grpc;

import java.util.UUID;

import cn.jiangmen.innovation.contracts.project.v1.AcceptMilestoneRequest;
import cn.jiangmen.innovation.contracts.project.v1.AcceptMilestoneResponse;
import cn.jiangmen.innovation.contracts.project.v1.DecideChangeRequestRequest;
import cn.jiangmen.innovation.contracts.project.v1.DecideChangeRequestResponse;
import cn.jiangmen.innovation.contracts.project.v1.ProjectServiceGrpc;
import cn.jiangmen.innovation.contracts.project.v1.ReturnMilestoneRequest;
import cn.jiangmen.innovation.contracts.project.v1.ReturnMilestoneResponse;
import cn.jiangmen.innovation.platform.domain.Caller;
import cn.jiangmen.innovation.platform.domain.Ids;
import cn.jiangmen.innovation.platform.error.InvalidInputException;
import cn.jiangmen.innovation.platform.security.Callers;
import cn.jiangmen.innovation.project.application.MilestoneCommands;
import cn.jiangmen.innovation.project.application.execution.ChangeRequestCommands;
import cn.jiangmen.innovation.project.application.execution.ExecutionQueries;
import cn.jiangmen.innovation.project.domain.MilestoneId;
import cn.jiangmen.innovation.project.domain.ProjectId;
import cn.jiangmen.innovation.project.domain.execution.ChangeRequest;
import io.grpc.ServerServiceDefinition;

import org.springframework.stereotype.Component;

/**
 * AcceptMilestone, ReturnMilestone, DecideChangeRequest: the manager's decisions on a running
 * project, the same use cases as REST (program managers only; anyone else NOT_FOUND). The change
 * requests are listed by ChangeRequestRpcs, whose message shape the decision answers with too.
 */
@Component
class MilestoneDecisionRpcs implements ProjectRpcGroup {

	private final MilestoneCommands milestones;

	private final ChangeRequestCommands changes;

	private final ExecutionQueries queries;

	MilestoneDecisionRpcs(MilestoneCommands milestones, ChangeRequestCommands changes, ExecutionQueries queries) {
		this.milestones = milestones;
		this.changes = changes;
		this.queries = queries;
	}

	@Override
	public void bindTo(ServerServiceDefinition.Builder service) {
		ProjectRpcGroup.unary(service, ProjectServiceGrpc.getAcceptMilestoneMethod(), this::accept);
		ProjectRpcGroup.unary(service, ProjectServiceGrpc.getReturnMilestoneMethod(), this::returnForRework);
		ProjectRpcGroup.unary(service, ProjectServiceGrpc.getDecideChangeRequestMethod(), this::decide);
	}

	AcceptMilestoneResponse accept(AcceptMilestoneRequest request) {
		ProjectId project = ProjectId.parse(request.getProjectId(), "project_id");
		MilestoneId milestone = MilestoneId.parse(request.getMilestoneId(), "milestone_id");
		Caller caller = Callers.current();
		this.milestones.accept(project, milestone, caller);
		return AcceptMilestoneResponse.newBuilder()
			.setMilestone(ExecutionMessages.milestone(this.queries.milestone(project, milestone, caller)))
			.build();
	}

	ReturnMilestoneResponse returnForRework(ReturnMilestoneRequest request) {
		ProjectId project = ProjectId.parse(request.getProjectId(), "project_id");
		MilestoneId milestone = MilestoneId.parse(request.getMilestoneId(), "milestone_id");
		Caller caller = Callers.current();
		this.milestones.returnForRework(project, milestone, request.getReasons(), caller);
		return ReturnMilestoneResponse.newBuilder()
			.setMilestone(ExecutionMessages.milestone(this.queries.milestone(project, milestone, caller)))
			.build();
	}

	DecideChangeRequestResponse decide(DecideChangeRequestRequest request) {
		ProjectId project = ProjectId.parse(request.getProjectId(), "project_id");
		UUID id = Ids.parse(request.getChangeRequestId(), "change_request_id", uuid -> uuid);
		ChangeRequest decided = switch (request.getDecision()) {
			case CHANGE_REQUEST_DECISION_APPROVE -> this.changes.approve(project, id, request.getNote(), Callers.current());
			case CHANGE_REQUEST_DECISION_REJECT -> this.changes.reject(project, id, request.getNote(), Callers.current());
			default -> throw new InvalidInputException("decision", "required", "must be APPROVE or REJECT");
		};
		return DecideChangeRequestResponse.newBuilder().setChangeRequest(ChangeRequestRpcs.message(decided)).build();
	}

}
