package cn.jiangmen.innovation.project.grpc;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import cn.jiangmen.innovation.contracts.project.v1.ChangeRequestKind;
import cn.jiangmen.innovation.contracts.project.v1.ChangeRequestState;
import cn.jiangmen.innovation.contracts.project.v1.ChangeValue;
import cn.jiangmen.innovation.contracts.project.v1.ListChangeRequestsRequest;
import cn.jiangmen.innovation.contracts.project.v1.ListChangeRequestsResponse;
import cn.jiangmen.innovation.contracts.project.v1.PartnerAction;
import cn.jiangmen.innovation.contracts.project.v1.ProjectServiceGrpc;
import cn.jiangmen.innovation.contracts.project.v1.RequestChangeRequest;
import cn.jiangmen.innovation.contracts.project.v1.RequestChangeResponse;
import cn.jiangmen.innovation.contracts.project.v1.RequestedChange;
import cn.jiangmen.innovation.platform.grpc.ProtoTimes;
import cn.jiangmen.innovation.platform.paging.PageRequest;
import cn.jiangmen.innovation.platform.security.Callers;
import cn.jiangmen.innovation.project.application.execution.ChangeRequestCommands;
import cn.jiangmen.innovation.project.application.execution.ExecutionQueries;
import cn.jiangmen.innovation.project.domain.ProjectId;
import cn.jiangmen.innovation.project.domain.execution.ChangeRequest;
import io.grpc.ServerServiceDefinition;

import org.springframework.stereotype.Component;

/**
 * Change requests (变更申请) for the applicant's project page: the lead asks, whoever reads the
 * project lists them. Thin: the checks (who, which fields, which stage) are ChangeRequestCommands'.
 */
@Component
class ChangeRequestRpcs implements ProjectRpcGroup {

	private final ChangeRequestCommands commands;

	private final ExecutionQueries queries;

	ChangeRequestRpcs(ChangeRequestCommands commands, ExecutionQueries queries) {
		this.commands = commands;
		this.queries = queries;
	}

	@Override
	public void bindTo(ServerServiceDefinition.Builder service) {
		ProjectRpcGroup.unary(service, ProjectServiceGrpc.getListChangeRequestsMethod(), this::list);
		ProjectRpcGroup.unary(service, ProjectServiceGrpc.getRequestChangeMethod(), this::request);
	}

	ListChangeRequestsResponse list(ListChangeRequestsRequest request) {
		ProjectId id = ProjectId.parse(request.getProjectId(), "project_id");
		PageRequest page = PageRequest.of(request.getPageSize(), request.getPageToken(), "page_size", "page_token");
		List<ChangeRequest> found = this.queries.changeRequests(id, page, Callers.current());
		return ListChangeRequestsResponse.newBuilder()
			.addAllChangeRequests(found.stream().map(ChangeRequestRpcs::message).toList())
			.setNextPageToken(page.nextToken(found.size()))
			.build();
	}

	RequestChangeResponse request(RequestChangeRequest request) {
		ProjectId id = ProjectId.parse(request.getProjectId(), "project_id");
		RequestedChange change = request.getChange();
		// the use case reads the REST body's texts: an unspecified enum becomes a value it names as bad
		String kind = change.getKind() == ChangeRequestKind.CHANGE_REQUEST_KIND_UNSPECIFIED ? ""
				: change.getKind().name().substring("CHANGE_REQUEST_KIND_".length());
		String action = change.getPartnerAction() == PartnerAction.PARTNER_ACTION_UNSPECIFIED ? ""
				: change.getPartnerAction().name().substring("PARTNER_ACTION_".length());
		String amount = change.hasAmount() ? BigDecimal.valueOf(change.getAmount().getMinorUnits(), 2).toPlainString()
				: "";
		ChangeRequestCommands.ChangeInput input = new ChangeRequestCommands.ChangeInput(kind, request.getReason(),
				change.getMilestoneId(), change.getNewDueDate(), change.getFromCategory(), change.getToCategory(), amount,
				action, change.getOrganisationId(), change.getPartnerRole(), change.getKpiTargetId(),
				change.getNewTarget());
		return RequestChangeResponse.newBuilder()
			.setChangeRequest(message(this.commands.request(id, input, Callers.current())))
			.build();
	}

	static cn.jiangmen.innovation.contracts.project.v1.ChangeRequest message(ChangeRequest request) {
		var message = cn.jiangmen.innovation.contracts.project.v1.ChangeRequest.newBuilder()
			.setChangeRequestId(request.id().toString())
			.setProjectId(request.projectId().toString())
			.setChange(change(request.change()))
			.setReason(request.reason())
			.setState(ChangeRequestState.valueOf("CHANGE_REQUEST_STATE_" + request.state().name()))
			.setRequestedBy(request.requestedBy() == null ? "" : request.requestedBy())
			.setRequestedAt(ProtoTimes.timestamp(request.requestedAt()))
			.setDecidedBy(request.decidedBy().orElse(""))
			.setDecisionReason(request.decisionReason().orElse(""))
			.addAllBefore(values(request.before().orElse(Map.of())))
			.addAllAfter(values(request.after().orElse(Map.of())));
		request.decidedAt().ifPresent(at -> message.setDecidedAt(ProtoTimes.timestamp(at)));
		return message.build();
	}

	private static RequestedChange change(ChangeRequest.Change change) {
		RequestedChange.Builder message = RequestedChange.newBuilder()
			.setKind(ChangeRequestKind.valueOf("CHANGE_REQUEST_KIND_" + change.kind().name()));
		if (change instanceof ChangeRequest.MilestoneDate date) {
			message.setMilestoneId(date.milestoneId().toString()).setNewDueDate(date.newDueDate().toString());
		}
		else if (change instanceof ChangeRequest.BudgetReallocation move) {
			message.setFromCategory(move.fromCategory())
				.setToCategory(move.toCategory())
				.setAmount(ExecutionMessages.fen(move.amountFen()));
		}
		else if (change instanceof ChangeRequest.Partner partner) {
			message.setPartnerAction(PartnerAction.valueOf("PARTNER_ACTION_" + partner.action().name()))
				.setOrganisationId(partner.organisationId().toString())
				.setPartnerRole(partner.role());
		}
		else if (change instanceof ChangeRequest.KpiTargetChange kpi) {
			message.setKpiTargetId(kpi.kpiTargetId().toString()).setNewTarget(kpi.newTarget().toPlainString());
		}
		return message.build();
	}

	private static List<ChangeValue> values(Map<String, Object> values) {
		return values.entrySet()
			.stream()
			.map(e -> ChangeValue.newBuilder()
				.setName(e.getKey())
				.setValue(e.getValue() == null ? "" : String.valueOf(e.getValue()))
				.build())
			.toList();
	}

}
