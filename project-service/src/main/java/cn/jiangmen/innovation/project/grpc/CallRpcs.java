package cn.jiangmen.innovation.project.grpc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import cn.jiangmen.innovation.contracts.project.v1.CallDraft;
import cn.jiangmen.innovation.contracts.project.v1.CallTopic;
import cn.jiangmen.innovation.contracts.project.v1.ChangeCallStatusRequest;
import cn.jiangmen.innovation.contracts.project.v1.ChangeCallStatusResponse;
import cn.jiangmen.innovation.contracts.project.v1.CreateCallRequest;
import cn.jiangmen.innovation.contracts.project.v1.CreateCallResponse;
import cn.jiangmen.innovation.contracts.project.v1.GetCallRequest;
import cn.jiangmen.innovation.contracts.project.v1.GetCallResponse;
import cn.jiangmen.innovation.contracts.project.v1.ListCallsRequest;
import cn.jiangmen.innovation.contracts.project.v1.ListCallsResponse;
import cn.jiangmen.innovation.contracts.project.v1.ProjectCallStatus;
import cn.jiangmen.innovation.contracts.project.v1.ProjectServiceGrpc;
import cn.jiangmen.innovation.platform.error.FieldViolation;
import cn.jiangmen.innovation.platform.grpc.ProtoTimes;
import cn.jiangmen.innovation.platform.paging.PageRequest;
import cn.jiangmen.innovation.platform.security.Callers;
import cn.jiangmen.innovation.project.application.CallCommands;
import cn.jiangmen.innovation.project.application.CallQueries;
import cn.jiangmen.innovation.project.domain.CallAction;
import cn.jiangmen.innovation.project.domain.CallId;
import cn.jiangmen.innovation.project.domain.ProjectCall;
import cn.jiangmen.innovation.project.domain.Yuan;
import io.grpc.ServerServiceDefinition;

import org.springframework.stereotype.Component;

/** The call (申报指南) RPCs of ProjectService: map, call one use case, map back. */
@Component
class CallRpcs implements ProjectRpcGroup {

	private final CallCommands commands;

	private final CallQueries queries;

	private final java.time.Clock clock;

	CallRpcs(CallCommands commands, CallQueries queries, java.time.Clock clock) {
		this.commands = commands;
		this.queries = queries;
		this.clock = clock;
	}

	@Override
	public void bindTo(ServerServiceDefinition.Builder service) {
		ProjectRpcGroup.unary(service, ProjectServiceGrpc.getCreateCallMethod(), this::create);
		ProjectRpcGroup.unary(service, ProjectServiceGrpc.getGetCallMethod(), this::get);
		ProjectRpcGroup.unary(service, ProjectServiceGrpc.getListCallsMethod(), this::list);
		ProjectRpcGroup.unary(service, ProjectServiceGrpc.getChangeCallStatusMethod(), this::change);
	}

	CreateCallResponse create(CreateCallRequest request) {
		CallDraft draft = request.getCall();
		List<FieldViolation> violations = new ArrayList<>();
		Long ceiling = draft.hasFundingCeiling() ? Yuan.ofFen(draft.getFundingCeiling().getCurrencyCode(),
				draft.getFundingCeiling().getMinorUnits(), "call.funding_ceiling", violations) : missing(violations);
		CallCommands.CallTermsInput input = new CallCommands.CallTermsInput(draft.getFieldCode(),
				draft.getYear() == 0 ? null : draft.getYear(), draft.getTitle(),
				draft.getTopicsList()
					.stream()
					.map(t -> new ProjectCall.Topic(t.getCode(), t.getTitle(), t.getRequiresResearchPartner()))
					.toList(),
				ceiling, draft.getMaxFiscalSharePercent() == 0 ? null : draft.getMaxFiscalSharePercent(),
				draft.getRequiredDocumentsList(), draft.getGuideline(),
				draft.hasOpensAt() ? ProtoTimes.instant(draft.getOpensAt(), "call.opens_at") : null,
				draft.hasClosesAt() ? ProtoTimes.instant(draft.getClosesAt(), "call.closes_at") : null);
		ProjectCall call = ProtoNames.renaming(() -> prefixed(() -> this.commands.create(Callers.current(), input, violations)));
		return CreateCallResponse.newBuilder().setCall(message(call)).build();
	}

	GetCallResponse get(GetCallRequest request) {
		ProjectCall call = this.queries.get(Callers.current(), CallId.parse(request.getCallId(), "call_id"));
		return GetCallResponse.newBuilder().setCall(message(call)).build();
	}

	ListCallsResponse list(ListCallsRequest request) {
		PageRequest page = PageRequest.of(request.getPageSize(), request.getPageToken(), "page_size", "page_token");
		List<ProjectCall> calls = this.queries.page(Callers.current(),
				request.getFieldCode().isBlank() ? null : request.getFieldCode(), page);
		return ListCallsResponse.newBuilder()
			.addAllCalls(calls.stream().map(this::message).toList())
			.setNextPageToken(page.nextToken(calls.size()))
			.build();
	}

	ChangeCallStatusResponse change(ChangeCallStatusRequest request) {
		CallId id = CallId.parse(request.getCallId(), "call_id");
		CallAction action = switch (request.getAction()) {
			case CALL_ACTION_PUBLISH -> CallAction.PUBLISH;
			case CALL_ACTION_CLOSE -> CallAction.CLOSE;
			default -> null;
		};
		ProjectCall call = this.commands.change(Callers.current(), id, action, request.getVersion());
		return ChangeCallStatusResponse.newBuilder().setCall(message(call)).build();
	}

	cn.jiangmen.innovation.contracts.project.v1.ProjectCall message(ProjectCall call) {
		return cn.jiangmen.innovation.contracts.project.v1.ProjectCall.newBuilder()
			.setCallId(call.id().toString())
			.setFieldCode(call.fieldCode())
			.setYear(call.year())
			.setTitle(call.title())
			.setStatus(ProjectCallStatus.valueOf("PROJECT_CALL_STATUS_" + call.status().name()))
			.addAllTopics(call.topics()
				.stream()
				.map(t -> CallTopic.newBuilder()
					.setCode(t.code())
					.setTitle(t.title())
					.setRequiresResearchPartner(t.requiresResearchPartner())
					.build())
				.toList())
			.setFundingCeiling(ProposalMessages.cny(call.ceilingFen()))
			.setMaxFiscalSharePercent(call.maxFiscalSharePercent())
			.addAllRequiredDocuments(call.requiredDocuments())
			.setGuideline(call.guideline())
			.setOpensAt(ProtoTimes.timestamp(call.opensAt()))
			.setClosesAt(ProtoTimes.timestamp(call.closesAt()))
			.setAcceptingProposals(call.acceptsProposals(Instant.now(this.clock)))
			.setVersion(call.version())
			.build();
	}

	private static Long missing(List<FieldViolation> violations) {
		violations.add(new FieldViolation("call.funding_ceiling", "required", "must be given in fen (CNY)"));
		return null;
	}

	/** The domain names the draft's fields bare ({@code title}); the request has them under {@code call.}. */
	private static <T> T prefixed(java.util.function.Supplier<T> call) {
		try {
			return call.get();
		}
		catch (cn.jiangmen.innovation.platform.error.InvalidInputException ex) {
			throw new cn.jiangmen.innovation.platform.error.InvalidInputException(ex.violations()
				.stream()
				.map(v -> new FieldViolation(v.field().startsWith("call.") ? v.field() : "call." + v.field(), v.code(),
						v.message()))
				.toList());
		}
	}

}
