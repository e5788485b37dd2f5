package cn.jiangmen.innovation.project.grpc;

import java.util.List;

import cn.jiangmen.innovation.contracts.project.v1.ApproveProposalRequest;
import cn.jiangmen.innovation.contracts.project.v1.ApproveProposalResponse;
import cn.jiangmen.innovation.contracts.project.v1.ChangeCallStatusRequest;
import cn.jiangmen.innovation.contracts.project.v1.ChangeCallStatusResponse;
import cn.jiangmen.innovation.contracts.project.v1.CreateCallRequest;
import cn.jiangmen.innovation.contracts.project.v1.CreateCallResponse;
import cn.jiangmen.innovation.contracts.project.v1.CreateProposalRequest;
import cn.jiangmen.innovation.contracts.project.v1.CreateProposalResponse;
import cn.jiangmen.innovation.contracts.project.v1.DecideProposalFormalCheckRequest;
import cn.jiangmen.innovation.contracts.project.v1.GetCallRequest;
import cn.jiangmen.innovation.contracts.project.v1.GetCallResponse;
import cn.jiangmen.innovation.contracts.project.v1.GetProposalRequest;
import cn.jiangmen.innovation.contracts.project.v1.GetProposalResponse;
import cn.jiangmen.innovation.contracts.project.v1.ListCallsRequest;
import cn.jiangmen.innovation.contracts.project.v1.ListCallsResponse;
import cn.jiangmen.innovation.contracts.project.v1.ListProposalsRequest;
import cn.jiangmen.innovation.contracts.project.v1.ListProposalsResponse;
import cn.jiangmen.innovation.contracts.project.v1.ConfirmParticipationRequest;
import cn.jiangmen.innovation.contracts.project.v1.ConfirmParticipationResponse;
import cn.jiangmen.innovation.contracts.project.v1.SubmitProposalRequest;
import cn.jiangmen.innovation.contracts.project.v1.SubmitProposalResponse;
import cn.jiangmen.innovation.contracts.project.v1.WithdrawProposalRequest;
import cn.jiangmen.innovation.contracts.project.v1.WithdrawProposalResponse;
import cn.jiangmen.innovation.contracts.project.v1.DecideProposalFormalCheckResponse;
import cn.jiangmen.innovation.contracts.project.v1.RecordProposalReviewOutcomeRequest;
import cn.jiangmen.innovation.contracts.project.v1.RecordProposalReviewOutcomeResponse;
import cn.jiangmen.innovation.contracts.project.v1.SaveProposalRequest;
import cn.jiangmen.innovation.contracts.project.v1.SaveProposalResponse;
import cn.jiangmen.innovation.contracts.project.v1.GetMilestoneStatusRequest;
import cn.jiangmen.innovation.contracts.project.v1.GetMilestoneStatusResponse;
import cn.jiangmen.innovation.contracts.project.v1.MilestoneState;
import cn.jiangmen.innovation.contracts.project.v1.ProjectServiceGrpc;
import cn.jiangmen.innovation.contracts.project.v1.ListPriorityFieldsRequest;
import cn.jiangmen.innovation.contracts.project.v1.ListPriorityFieldsResponse;
import cn.jiangmen.innovation.platform.grpc.ProtoTimes;
import cn.jiangmen.innovation.platform.paging.PageRequest;
import cn.jiangmen.innovation.platform.security.Callers;
import cn.jiangmen.innovation.project.application.FieldQueries;
import cn.jiangmen.innovation.project.application.MilestoneQueries;
import cn.jiangmen.innovation.project.domain.PriorityField;
import cn.jiangmen.innovation.project.domain.Milestone;
import cn.jiangmen.innovation.project.domain.MilestoneId;
import cn.jiangmen.innovation.project.domain.ProjectId;
import io.grpc.stub.StreamObserver;

import org.springframework.stereotype.Service;

/** gRPC face of project-service: funding asks whether a milestone is accepted; anyone lists the fields. */
@Service
class ProjectGrpcService extends ProjectServiceGrpc.ProjectServiceImplBase {

	private final MilestoneQueries milestones;

	private final FieldQueries fields;

	private final CallRpcs calls;

	private final ProposalRpcs proposals;

	private final ProposalDecisionRpcs decisions;

	ProjectGrpcService(MilestoneQueries milestones, FieldQueries fields, CallRpcs calls, ProposalRpcs proposals,
			ProposalDecisionRpcs decisions) {
		this.milestones = milestones;
		this.fields = fields;
		this.calls = calls;
		this.proposals = proposals;
		this.decisions = decisions;
	}

	// calls (申报指南): CallRpcs

	@Override
	public void createCall(CreateCallRequest request, StreamObserver<CreateCallResponse> observer) {
		reply(observer, () -> this.calls.create(request));
	}

	@Override
	public void getCall(GetCallRequest request, StreamObserver<GetCallResponse> observer) {
		reply(observer, () -> this.calls.get(request));
	}

	@Override
	public void listCalls(ListCallsRequest request, StreamObserver<ListCallsResponse> observer) {
		reply(observer, () -> this.calls.list(request));
	}

	@Override
	public void changeCallStatus(ChangeCallStatusRequest request, StreamObserver<ChangeCallStatusResponse> observer) {
		reply(observer, () -> this.calls.change(request));
	}

	// proposals (申报书): ProposalRpcs and ProposalDecisionRpcs

	@Override
	public void createProposal(CreateProposalRequest request, StreamObserver<CreateProposalResponse> observer) {
		reply(observer, () -> this.proposals.create(request));
	}

	@Override
	public void saveProposal(SaveProposalRequest request, StreamObserver<SaveProposalResponse> observer) {
		reply(observer, () -> this.proposals.save(request));
	}

	@Override
	public void getProposal(GetProposalRequest request, StreamObserver<GetProposalResponse> observer) {
		reply(observer, () -> this.proposals.get(request));
	}

	@Override
	public void listProposals(ListProposalsRequest request, StreamObserver<ListProposalsResponse> observer) {
		reply(observer, () -> this.proposals.list(request));
	}

	@Override
	public void confirmParticipation(ConfirmParticipationRequest request, StreamObserver<ConfirmParticipationResponse> observer) {
		reply(observer, () -> this.proposals.confirm(request));
	}

	@Override
	public void submitProposal(SubmitProposalRequest request, StreamObserver<SubmitProposalResponse> observer) {
		reply(observer, () -> this.proposals.submit(request));
	}

	@Override
	public void withdrawProposal(WithdrawProposalRequest request, StreamObserver<WithdrawProposalResponse> observer) {
		reply(observer, () -> this.proposals.withdraw(request));
	}

	@Override
	public void decideProposalFormalCheck(DecideProposalFormalCheckRequest request,
			StreamObserver<DecideProposalFormalCheckResponse> observer) {
		reply(observer, () -> this.decisions.formalCheck(request));
	}

	@Override
	public void recordProposalReviewOutcome(RecordProposalReviewOutcomeRequest request,
			StreamObserver<RecordProposalReviewOutcomeResponse> observer) {
		reply(observer, () -> this.decisions.recordReviewOutcome(request));
	}

	@Override
	public void approveProposal(ApproveProposalRequest request, StreamObserver<ApproveProposalResponse> observer) {
		reply(observer, () -> this.decisions.approve(request));
	}

	/** Exceptions reach the platform's GrpcStatusMapper through Spring gRPC's handler. */
	private static <T> void reply(StreamObserver<T> observer, java.util.function.Supplier<T> call) {
		observer.onNext(call.get());
		observer.onCompleted();
	}

	@Override
	public void listPriorityFields(ListPriorityFieldsRequest request,
			StreamObserver<ListPriorityFieldsResponse> responseObserver) {
		PageRequest page = PageRequest.of(request.getPageSize(), request.getPageToken(), "page_size", "page_token");
		List<PriorityField> found = this.fields.page(page);
		responseObserver.onNext(ListPriorityFieldsResponse.newBuilder()
			.addAllFields(found.stream().map(FieldMessages::of).toList())
			.setNextPageToken(page.nextToken(found.size()))
			.build());
		responseObserver.onCompleted();
	}

	@Override
	public void getMilestoneStatus(GetMilestoneStatusRequest request,
			StreamObserver<GetMilestoneStatusResponse> responseObserver) {
		ProjectId projectId = ProjectId.parse(request.getProjectId(), "project_id");
		MilestoneId milestoneId = MilestoneId.parse(request.getMilestoneId(), "milestone_id");
		Milestone milestone = this.milestones.get(projectId, milestoneId, Callers.current());
		GetMilestoneStatusResponse.Builder response = GetMilestoneStatusResponse.newBuilder()
			.setProjectId(milestone.projectId().toString())
			.setMilestoneId(milestone.id().toString())
			.setState(MilestoneState.valueOf("MILESTONE_STATE_" + milestone.state().name()));
		milestone.acceptedAt()
			.ifPresent(at -> response.setAcceptedAt(ProtoTimes.timestamp(at)));
		responseObserver.onNext(response.build());
		responseObserver.onCompleted();
	}

}
