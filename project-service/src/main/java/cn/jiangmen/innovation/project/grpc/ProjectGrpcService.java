package cn.jiangmen.innovation.project.grpc;

import java.util.List;
import java.util.function.Supplier;

import cn.jiangmen.innovation.contracts.project.v1.*;
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

	private final ProjectExecutionRpcs execution;

	private final TaskBookRpcs taskBooks;

	private final ProgressReportRpcs reports;

	private final CallRpcs calls;

	private final ProposalRpcs proposals;

	private final ProposalDecisionRpcs decisions;

	private final ManagerRpcs manager;

	private final DocumentRpcs documents;

	private final CheckRoundRpcs checkRounds;

	private final ChangeRequestRpcs changes;

	ProjectGrpcService(MilestoneQueries milestones, FieldQueries fields, ProjectExecutionRpcs execution,
			TaskBookRpcs taskBooks, ProgressReportRpcs reports, CallRpcs calls, ProposalRpcs proposals,
			ProposalDecisionRpcs decisions, ManagerRpcs manager, DocumentRpcs documents, CheckRoundRpcs checkRounds,
			ChangeRequestRpcs changes) {
		this.manager = manager;
		this.checkRounds = checkRounds;
		this.changes = changes;
		this.milestones = milestones;
		this.fields = fields;
		this.execution = execution;
		this.taskBooks = taskBooks;
		this.reports = reports;
		this.calls = calls;
		this.proposals = proposals;
		this.decisions = decisions;
		this.documents = documents;
	}

	private static <T> void answer(StreamObserver<T> observer, Supplier<T> call) {
		observer.onNext(call.get());
		observer.onCompleted();
	}

	@Override
	public void getProjectSummary(GetProjectSummaryRequest request, StreamObserver<GetProjectSummaryResponse> observer) {
		answer(observer, () -> this.execution.getProjectSummary(request));
	}

	@Override
	public void listMilestones(ListMilestonesRequest request, StreamObserver<ListMilestonesResponse> observer) {
		answer(observer, () -> this.execution.listMilestones(request));
	}

	@Override
	public void listDueMilestones(ListDueMilestonesRequest request, StreamObserver<ListDueMilestonesResponse> observer) {
		answer(observer, () -> this.execution.listDueMilestones(request));
	}

	@Override
	public void getTaskBook(GetTaskBookRequest request, StreamObserver<GetTaskBookResponse> observer) {
		answer(observer, () -> this.taskBooks.getTaskBook(request));
	}

	@Override
	public void getTaskBookPdf(GetTaskBookPdfRequest request, StreamObserver<GetTaskBookPdfResponse> observer) {
		answer(observer, () -> this.taskBooks.getTaskBookPdf(request));
	}

	@Override
	public void acceptTaskBook(AcceptTaskBookRequest request, StreamObserver<AcceptTaskBookResponse> observer) {
		answer(observer, () -> this.taskBooks.acceptTaskBook(request));
	}

	@Override
	public void countersignTaskBook(CountersignTaskBookRequest request,
			StreamObserver<CountersignTaskBookResponse> observer) {
		answer(observer, () -> this.taskBooks.countersignTaskBook(request));
	}

	@Override
	public void submitProgressReport(SubmitProgressReportRequest request,
			StreamObserver<SubmitProgressReportResponse> observer) {
		answer(observer, () -> this.reports.submitProgressReport(request));
	}

	@Override
	public void listProgressReports(ListProgressReportsRequest request,
			StreamObserver<ListProgressReportsResponse> observer) {
		answer(observer, () -> this.reports.listProgressReports(request));
	}

	// calls (申报指南): CallRpcs

	@Override
	public void createCall(CreateCallRequest request, StreamObserver<CreateCallResponse> observer) {
		answer(observer, () -> this.calls.create(request));
	}

	@Override
	public void getCall(GetCallRequest request, StreamObserver<GetCallResponse> observer) {
		answer(observer, () -> this.calls.get(request));
	}

	@Override
	public void listCalls(ListCallsRequest request, StreamObserver<ListCallsResponse> observer) {
		answer(observer, () -> this.calls.list(request));
	}

	@Override
	public void changeCallStatus(ChangeCallStatusRequest request, StreamObserver<ChangeCallStatusResponse> observer) {
		answer(observer, () -> this.calls.change(request));
	}

	// proposals (申报书): ProposalRpcs and ProposalDecisionRpcs

	@Override
	public void createProposal(CreateProposalRequest request, StreamObserver<CreateProposalResponse> observer) {
		answer(observer, () -> this.proposals.create(request));
	}

	@Override
	public void saveProposal(SaveProposalRequest request, StreamObserver<SaveProposalResponse> observer) {
		answer(observer, () -> this.proposals.save(request));
	}

	@Override
	public void getProposal(GetProposalRequest request, StreamObserver<GetProposalResponse> observer) {
		answer(observer, () -> this.proposals.get(request));
	}

	@Override
	public void listProposals(ListProposalsRequest request, StreamObserver<ListProposalsResponse> observer) {
		answer(observer, () -> this.proposals.list(request));
	}

	@Override
	public void confirmParticipation(ConfirmParticipationRequest request, StreamObserver<ConfirmParticipationResponse> observer) {
		answer(observer, () -> this.proposals.confirm(request));
	}

	@Override
	public void submitProposal(SubmitProposalRequest request, StreamObserver<SubmitProposalResponse> observer) {
		answer(observer, () -> this.proposals.submit(request));
	}

	@Override
	public void withdrawProposal(WithdrawProposalRequest request, StreamObserver<WithdrawProposalResponse> observer) {
		answer(observer, () -> this.proposals.withdraw(request));
	}

	@Override
	public void decideProposalFormalCheck(DecideProposalFormalCheckRequest request,
			StreamObserver<DecideProposalFormalCheckResponse> observer) {
		answer(observer, () -> this.decisions.formalCheck(request));
	}

	@Override
	public void recordCheckRoundOutcome(
			cn.jiangmen.innovation.contracts.project.v1.RecordCheckRoundOutcomeRequest request,
			StreamObserver<cn.jiangmen.innovation.contracts.project.v1.RecordCheckRoundOutcomeResponse> observer) {
		answer(observer, () -> this.checkRounds.recordOutcome(request));
	}

	@Override
	public void recordProposalReviewOutcome(RecordProposalReviewOutcomeRequest request,
			StreamObserver<RecordProposalReviewOutcomeResponse> observer) {
		answer(observer, () -> this.decisions.recordReviewOutcome(request));
	}

	@Override
	public void approveProposal(ApproveProposalRequest request, StreamObserver<ApproveProposalResponse> observer) {
		answer(observer, () -> this.decisions.approve(request));
	}

	// manager's and admin's pages: FieldManagementRpcs, PortfolioRpcs, MilestoneDecisionRpcs (through ManagerRpcs)

	@Override
	public void addPriorityField(AddPriorityFieldRequest request, StreamObserver<AddPriorityFieldResponse> observer) {
		answer(observer, () -> this.manager.fields().add(request));
	}

	@Override
	public void renamePriorityField(RenamePriorityFieldRequest request,
			StreamObserver<RenamePriorityFieldResponse> observer) {
		answer(observer, () -> this.manager.fields().rename(request));
	}

	@Override
	public void retirePriorityField(RetirePriorityFieldRequest request,
			StreamObserver<RetirePriorityFieldResponse> observer) {
		answer(observer, () -> this.manager.fields().retire(request));
	}

	@Override
	public void listProjects(ListProjectsRequest request, StreamObserver<ListProjectsResponse> observer) {
		answer(observer, () -> this.manager.portfolio().list(request));
	}

	@Override
	public void acceptMilestone(AcceptMilestoneRequest request, StreamObserver<AcceptMilestoneResponse> observer) {
		answer(observer, () -> this.manager.decisions().accept(request));
	}

	@Override
	public void returnMilestone(ReturnMilestoneRequest request, StreamObserver<ReturnMilestoneResponse> observer) {
		answer(observer, () -> this.manager.decisions().returnForRework(request));
	}

	@Override
	public void decideChangeRequest(DecideChangeRequestRequest request,
			StreamObserver<DecideChangeRequestResponse> observer) {
		answer(observer, () -> this.manager.decisions().decide(request));
	}

	// the applicant's project page: change requests (ChangeRequestRpcs)

	@Override
	public void listChangeRequests(ListChangeRequestsRequest request, StreamObserver<ListChangeRequestsResponse> observer) {
		answer(observer, () -> this.changes.list(request));
	}

	@Override
	public void requestChange(RequestChangeRequest request, StreamObserver<RequestChangeResponse> observer) {
		answer(observer, () -> this.changes.request(request));
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

	// --- Documents (attachments): proposal documents and milestone evidence ---

	@Override
	public void uploadProposalDocument(UploadProposalDocumentRequest request,
			StreamObserver<UploadProposalDocumentResponse> observer) {
		answer(observer, () -> this.documents.uploadProposalDocument(request));
	}

	@Override
	public void listProposalDocuments(ListProposalDocumentsRequest request,
			StreamObserver<ListProposalDocumentsResponse> observer) {
		answer(observer, () -> this.documents.listProposalDocuments(request));
	}

	@Override
	public void downloadProposalDocument(DownloadProposalDocumentRequest request,
			StreamObserver<DownloadProposalDocumentResponse> observer) {
		answer(observer, () -> this.documents.downloadProposalDocument(request));
	}

	@Override
	public void deleteProposalDocument(DeleteProposalDocumentRequest request,
			StreamObserver<DeleteProposalDocumentResponse> observer) {
		answer(observer, () -> this.documents.deleteProposalDocument(request));
	}

	@Override
	public void uploadMilestoneEvidence(UploadMilestoneEvidenceRequest request,
			StreamObserver<UploadMilestoneEvidenceResponse> observer) {
		answer(observer, () -> this.documents.uploadMilestoneEvidence(request));
	}

	@Override
	public void listMilestoneEvidence(ListMilestoneEvidenceRequest request,
			StreamObserver<ListMilestoneEvidenceResponse> observer) {
		answer(observer, () -> this.documents.listMilestoneEvidence(request));
	}

	@Override
	public void downloadMilestoneEvidence(DownloadMilestoneEvidenceRequest request,
			StreamObserver<DownloadMilestoneEvidenceResponse> observer) {
		answer(observer, () -> this.documents.downloadMilestoneEvidence(request));
	}

	@Override
	public void deleteMilestoneEvidence(DeleteMilestoneEvidenceRequest request,
			StreamObserver<DeleteMilestoneEvidenceResponse> observer) {
		answer(observer, () -> this.documents.deleteMilestoneEvidence(request));
	}

	// the manager's project page: issuing the task book (TaskBookRpcs), check rounds (CheckRoundRpcs)

	@Override
	public void issueTaskBook(cn.jiangmen.innovation.contracts.project.v1.IssueTaskBookRequest request,
			StreamObserver<cn.jiangmen.innovation.contracts.project.v1.IssueTaskBookResponse> observer) {
		answer(observer, () -> this.taskBooks.issueTaskBook(request));
	}

	@Override
	public void openCheckRound(cn.jiangmen.innovation.contracts.project.v1.OpenCheckRoundRequest request,
			StreamObserver<cn.jiangmen.innovation.contracts.project.v1.OpenCheckRoundResponse> observer) {
		answer(observer, () -> this.checkRounds.open(request));
	}

	@Override
	public void listCheckRounds(cn.jiangmen.innovation.contracts.project.v1.ListCheckRoundsRequest request,
			StreamObserver<cn.jiangmen.innovation.contracts.project.v1.ListCheckRoundsResponse> observer) {
		answer(observer, () -> this.checkRounds.list(request));
	}

}
