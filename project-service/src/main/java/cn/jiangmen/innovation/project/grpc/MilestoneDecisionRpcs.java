package cn.jiangmen.innovation.project.grpc;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.jiangmen.innovation.contracts.project.v1.AcceptMilestoneRequest;
import cn.jiangmen.innovation.contracts.project.v1.AcceptMilestoneResponse;
import cn.jiangmen.innovation.contracts.project.v1.ChangeRequestKind;
import cn.jiangmen.innovation.contracts.project.v1.ChangeRequestState;
import cn.jiangmen.innovation.contracts.project.v1.ChangeValue;
import cn.jiangmen.innovation.contracts.project.v1.DecideChangeRequestRequest;
import cn.jiangmen.innovation.contracts.project.v1.DecideChangeRequestResponse;
import cn.jiangmen.innovation.contracts.project.v1.ListChangeRequestsRequest;
import cn.jiangmen.innovation.contracts.project.v1.ListChangeRequestsResponse;
import cn.jiangmen.innovation.contracts.project.v1.ReturnMilestoneRequest;
import cn.jiangmen.innovation.contracts.project.v1.ReturnMilestoneResponse;
import cn.jiangmen.innovation.platform.domain.Caller;
import cn.jiangmen.innovation.platform.domain.Ids;
import cn.jiangmen.innovation.platform.error.InvalidInputException;
import cn.jiangmen.innovation.platform.grpc.ProtoTimes;
import cn.jiangmen.innovation.platform.paging.PageRequest;
import cn.jiangmen.innovation.platform.security.Callers;
import cn.jiangmen.innovation.project.application.MilestoneCommands;
import cn.jiangmen.innovation.project.application.execution.ChangeRequestCommands;
import cn.jiangmen.innovation.project.application.execution.ExecutionQueries;
import cn.jiangmen.innovation.project.domain.MilestoneId;
import cn.jiangmen.innovation.project.domain.ProjectId;
import cn.jiangmen.innovation.project.domain.execution.ChangeRequest;
import cn.jiangmen.innovation.project.domain.execution.Fen;

import org.springframework.stereotype.Component;

/**
 * AcceptMilestone, ReturnMilestone, ListChangeRequests, DecideChangeRequest: the manager's
 * decisions on a running project, the same use cases as REST (program managers only; readers of the
 * project list the changes; anyone else NOT_FOUND).
 */
@Component
class MilestoneDecisionRpcs {

	private final MilestoneCommands milestones;

	private final ChangeRequestCommands changes;

	private final ExecutionQueries queries;

	MilestoneDecisionRpcs(MilestoneCommands milestones, ChangeRequestCommands changes, ExecutionQueries queries) {
		this.milestones = milestones;
		this.changes = changes;
		this.queries = queries;
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

	ListChangeRequestsResponse list(ListChangeRequestsRequest request) {
		ProjectId project = ProjectId.parse(request.getProjectId(), "project_id");
		PageRequest page = PageRequest.of(request.getPageSize(), request.getPageToken(), "page_size", "page_token");
		List<ChangeRequest> found = this.queries.changeRequests(project, page, Callers.current());
		return ListChangeRequestsResponse.newBuilder()
			.addAllChangeRequests(found.stream().map(MilestoneDecisionRpcs::message).toList())
			.setNextPageToken(page.nextToken(found.size()))
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
		return DecideChangeRequestResponse.newBuilder().setChangeRequest(message(decided)).build();
	}

	static cn.jiangmen.innovation.contracts.project.v1.ChangeRequest message(ChangeRequest request) {
		var message = cn.jiangmen.innovation.contracts.project.v1.ChangeRequest.newBuilder()
			.setChangeRequestId(request.id().toString())
			.setProjectId(request.projectId().toString())
			.setKind(ChangeRequestKind.valueOf("CHANGE_REQUEST_KIND_" + request.change().kind().name()))
			.setState(ChangeRequestState.valueOf("CHANGE_REQUEST_STATE_" + request.state().name()))
			.setReason(request.reason())
			.addAllRequested(values(requested(request.change())))
			.setRequestedBy(request.requestedBy())
			.setRequestedAt(ProtoTimes.timestamp(request.requestedAt()))
			.setDecidedBy(request.decidedBy().orElse(""))
			.setDecisionReason(request.decisionReason().orElse(""))
			.addAllBefore(values(request.before().orElse(Map.of())))
			.addAllAfter(values(request.after().orElse(Map.of())))
			.setVersion(request.version());
		request.decidedAt().ifPresent(at -> message.setDecidedAt(ProtoTimes.timestamp(at)));
		return message.build();
	}

	/** What is asked, with the names REST's body uses. */
	private static Map<String, Object> requested(ChangeRequest.Change change) {
		if (change instanceof ChangeRequest.MilestoneDate date) {
			return Map.of("milestoneId", date.milestoneId().toString(), "newDueDate", date.newDueDate().toString());
		}
		if (change instanceof ChangeRequest.BudgetReallocation move) {
			return Map.of("fromCategory", move.fromCategory(), "toCategory", move.toCategory(), "amountYuan",
					Fen.yuan(move.amountFen()));
		}
		if (change instanceof ChangeRequest.Partner partner) {
			return Map.of("partnerAction", partner.action().name(), "organisationId",
					partner.organisationId().toString(), "partnerRole", partner.role());
		}
		ChangeRequest.KpiTargetChange kpi = (ChangeRequest.KpiTargetChange) change;
		return Map.of("kpiTargetId", kpi.kpiTargetId().toString(), "newTarget", kpi.newTarget().toPlainString());
	}

	/** Name/value pairs in name order, so a page shows them in the same order every time. */
	private static List<ChangeValue> values(Map<String, Object> values) {
		return values.entrySet()
			.stream()
			.sorted(Map.Entry.comparingByKey())
			.map(e -> ChangeValue.newBuilder()
				.setName(e.getKey())
				.setValue(e.getValue() == null ? "" : String.valueOf(e.getValue()))
				.build())
			.toList();
	}

}
