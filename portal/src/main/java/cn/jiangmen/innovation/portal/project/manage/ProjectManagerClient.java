package cn.jiangmen.innovation.portal.project.manage;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

import cn.jiangmen.innovation.contracts.common.v1.Money;
import cn.jiangmen.innovation.contracts.project.v1.AcceptMilestoneRequest;
import cn.jiangmen.innovation.contracts.project.v1.AddPriorityFieldRequest;
import cn.jiangmen.innovation.contracts.project.v1.ApproveProposalRequest;
import cn.jiangmen.innovation.contracts.project.v1.CallAction;
import cn.jiangmen.innovation.contracts.project.v1.CallDraft;
import cn.jiangmen.innovation.contracts.project.v1.CheckRound;
import cn.jiangmen.innovation.contracts.project.v1.CheckRoundKind;
import cn.jiangmen.innovation.contracts.project.v1.DownloadMilestoneEvidenceRequest;
import cn.jiangmen.innovation.contracts.project.v1.DownloadMilestoneEvidenceResponse;
import cn.jiangmen.innovation.contracts.project.v1.IssueTaskBookRequest;
import cn.jiangmen.innovation.contracts.project.v1.KpiTarget;
import cn.jiangmen.innovation.contracts.project.v1.ListCheckRoundsRequest;
import cn.jiangmen.innovation.contracts.project.v1.ListMilestoneEvidenceRequest;
import cn.jiangmen.innovation.contracts.project.v1.OpenCheckRoundRequest;
import cn.jiangmen.innovation.contracts.project.v1.ProjectDocument;
import cn.jiangmen.innovation.contracts.project.v1.ChangeCallStatusRequest;
import cn.jiangmen.innovation.contracts.project.v1.ChangeRequest;
import cn.jiangmen.innovation.contracts.project.v1.ChangeRequestDecision;
import cn.jiangmen.innovation.contracts.project.v1.CountersignTaskBookRequest;
import cn.jiangmen.innovation.contracts.project.v1.CreateCallRequest;
import cn.jiangmen.innovation.contracts.project.v1.DecideChangeRequestRequest;
import cn.jiangmen.innovation.contracts.project.v1.DecideProposalFormalCheckRequest;
import cn.jiangmen.innovation.contracts.project.v1.DueMilestone;
import cn.jiangmen.innovation.contracts.project.v1.DueWindow;
import cn.jiangmen.innovation.contracts.project.v1.FieldKind;
import cn.jiangmen.innovation.contracts.project.v1.FormalCheckDecision;
import cn.jiangmen.innovation.contracts.project.v1.GetCallRequest;
import cn.jiangmen.innovation.contracts.project.v1.GetProposalRequest;
import cn.jiangmen.innovation.contracts.project.v1.GetTaskBookRequest;
import cn.jiangmen.innovation.contracts.project.v1.GetTaskBookResponse;
import cn.jiangmen.innovation.contracts.project.v1.ListCallsRequest;
import cn.jiangmen.innovation.contracts.project.v1.ListChangeRequestsRequest;
import cn.jiangmen.innovation.contracts.project.v1.ListDueMilestonesRequest;
import cn.jiangmen.innovation.contracts.project.v1.ListPriorityFieldsRequest;
import cn.jiangmen.innovation.contracts.project.v1.ListProgressReportsRequest;
import cn.jiangmen.innovation.contracts.project.v1.ListProjectsRequest;
import cn.jiangmen.innovation.contracts.project.v1.ListProposalsRequest;
import cn.jiangmen.innovation.contracts.project.v1.MilestoneTranche;
import cn.jiangmen.innovation.contracts.project.v1.PortfolioProject;
import cn.jiangmen.innovation.contracts.project.v1.PriorityField;
import cn.jiangmen.innovation.contracts.project.v1.ProgressReport;
import cn.jiangmen.innovation.contracts.project.v1.ProjectCall;
import cn.jiangmen.innovation.contracts.project.v1.ProjectServiceGrpc;
import cn.jiangmen.innovation.contracts.project.v1.ProjectStage;
import cn.jiangmen.innovation.contracts.project.v1.ProjectSummary;
import cn.jiangmen.innovation.contracts.project.v1.GetProjectSummaryRequest;
import cn.jiangmen.innovation.contracts.project.v1.Proposal;
import cn.jiangmen.innovation.contracts.project.v1.RenamePriorityFieldRequest;
import cn.jiangmen.innovation.contracts.project.v1.RetirePriorityFieldRequest;
import cn.jiangmen.innovation.contracts.project.v1.ReturnMilestoneRequest;
import cn.jiangmen.innovation.contracts.project.v1.TaskBookStatus;
import cn.jiangmen.innovation.platform.grpc.ProtoTimes;
import cn.jiangmen.innovation.portal.web.PagedRpcs;
import cn.jiangmen.innovation.portal.web.ServiceErrors;
import io.grpc.StatusRuntimeException;

import org.springframework.grpc.client.GrpcChannelFactory;
import org.springframework.stereotype.Component;

/**
 * The manager's and admin's pages' way to project-service (gRPC channel {@code project}, the user's
 * token relayed, so project-service applies its per-role and per-object rules). Errors become pages
 * through {@link ServiceErrors} like every client of the portal; lists are read to the end page by page.
 */
@Component
public class ProjectManagerClient {

	static final String CHANNEL = "project";

	/** The largest page project-service serves (platform PageRequest.MAX_SIZE). */
	static final int PAGE = 200;

	private static final long DEADLINE_MS = 5000;

	private final ProjectServiceGrpc.ProjectServiceBlockingStub stub;

	public ProjectManagerClient(GrpcChannelFactory channels) {
		this.stub = ProjectServiceGrpc.newBlockingStub(channels.createChannel(CHANNEL));
	}

	// fields (admin)

	public List<PriorityField> fields() {
		return call(() -> all(token -> stub().listPriorityFields(
				ListPriorityFieldsRequest.newBuilder().setPageSize(PAGE).setPageToken(token).build()),
				r -> r.getFieldsList(), r -> r.getNextPageToken()));
	}

	public PriorityField addField(String code, FieldKind kind, String nameZh, String nameEn, String planSection) {
		return call(() -> stub().addPriorityField(AddPriorityFieldRequest.newBuilder()
			.setCode(code)
			.setKind(kind)
			.setNameZh(nameZh)
			.setNameEn(nameEn)
			.setPlanSection(planSection)
			.build()).getField());
	}

	public PriorityField renameField(String code, String nameZh, String nameEn, long version) {
		return call(() -> stub().renamePriorityField(RenamePriorityFieldRequest.newBuilder()
			.setCode(code)
			.setNameZh(nameZh)
			.setNameEn(nameEn)
			.setVersion(version)
			.build()).getField());
	}

	public PriorityField retireField(String code) {
		return call(() -> stub().retirePriorityField(RetirePriorityFieldRequest.newBuilder().setCode(code).build())
			.getField());
	}

	// calls and proposals (manager)

	public List<ProjectCall> calls(String fieldCode) {
		return call(() -> all(token -> stub().listCalls(ListCallsRequest.newBuilder()
			.setFieldCode(fieldCode == null ? "" : fieldCode)
			.setPageSize(PAGE)
			.setPageToken(token)
			.build()), r -> r.getCallsList(), r -> r.getNextPageToken()));
	}

	public ProjectCall call(String callId) {
		return call(() -> stub().getCall(GetCallRequest.newBuilder().setCallId(callId).build()).getCall());
	}

	public ProjectCall createCall(CallDraft draft) {
		return call(() -> stub().createCall(CreateCallRequest.newBuilder().setCall(draft).build()).getCall());
	}

	public ProjectCall changeCall(String callId, CallAction action, long version) {
		return call(() -> stub().changeCallStatus(ChangeCallStatusRequest.newBuilder()
			.setCallId(callId)
			.setAction(action)
			.setVersion(version)
			.build()).getCall());
	}

	public List<Proposal> proposals(String callId) {
		return call(() -> all(token -> stub().listProposals(ListProposalsRequest.newBuilder()
			.setCallId(callId)
			.setPageSize(PAGE)
			.setPageToken(token)
			.build()), r -> r.getProposalsList(), r -> r.getNextPageToken()));
	}

	public Proposal proposal(String proposalId) {
		return call(() -> stub().getProposal(GetProposalRequest.newBuilder().setProposalId(proposalId).build())
			.getProposal());
	}

	public Proposal formalCheck(String proposalId, FormalCheckDecision decision, List<String> reasons,
			java.time.Instant correctionDue) {
		DecideProposalFormalCheckRequest.Builder request = DecideProposalFormalCheckRequest.newBuilder()
			.setProposalId(proposalId)
			.setDecision(decision)
			.addAllReasons(reasons);
		if (correctionDue != null) {
			request.setCorrectionDueAt(ProtoTimes.timestamp(correctionDue));
		}
		return call(() -> stub().decideProposalFormalCheck(request.build()).getProposal());
	}

	public String approve(String proposalId, long approvedFen, List<Long> tranchesFen, String note) {
		ApproveProposalRequest.Builder request = ApproveProposalRequest.newBuilder()
			.setProposalId(proposalId)
			.setApprovedFiscal(fen(approvedFen))
			.setNote(note);
		for (int i = 0; i < tranchesFen.size(); i++) {
			request.addTranches(MilestoneTranche.newBuilder().setMilestoneIndex(i).setAmount(fen(tranchesFen.get(i))));
		}
		return call(() -> stub().approveProposal(request.build()).getProjectId());
	}

	// projects in execution (manager)

	public List<PortfolioProject> portfolio(String fieldCode, int year, ProjectStage stage) {
		return call(() -> all(token -> stub().listProjects(ListProjectsRequest.newBuilder()
			.setFieldCode(fieldCode)
			.setYear(year)
			.setStage(stage)
			.setPageSize(PAGE)
			.setPageToken(token)
			.build()), r -> r.getProjectsList(), r -> r.getNextPageToken()));
	}

	public List<DueMilestone> due(DueWindow window) {
		return call(() -> all(token -> stub().listDueMilestones(ListDueMilestonesRequest.newBuilder()
			.setWindow(window)
			.setPageSize(PAGE)
			.setPageToken(token)
			.build()), r -> r.getDueMilestonesList(), r -> r.getNextPageToken()));
	}

	public ProjectSummary summary(String projectId) {
		return call(() -> stub().getProjectSummary(GetProjectSummaryRequest.newBuilder().setProjectId(projectId).build())
			.getSummary());
	}

	/** The task book, or null while none was issued (NOT_FOUND for the task book alone). */
	public GetTaskBookResponse taskBook(String projectId) {
		try {
			return stub().getTaskBook(GetTaskBookRequest.newBuilder().setProjectId(projectId).build());
		}
		catch (StatusRuntimeException ex) {
			if (ex.getStatus().getCode() == io.grpc.Status.Code.NOT_FOUND) {
				return null;
			}
			throw ServiceErrors.translate("project-service", ex);
		}
	}

	public TaskBookStatus countersign(String projectId) {
		return call(() -> stub().countersignTaskBook(CountersignTaskBookRequest.newBuilder().setProjectId(projectId).build())
			.getStatus());
	}

	public List<ProgressReport> reports(String projectId, String milestoneId) {
		return call(() -> all(token -> stub().listProgressReports(ListProgressReportsRequest.newBuilder()
			.setProjectId(projectId)
			.setMilestoneId(milestoneId)
			.setPageSize(PAGE)
			.setPageToken(token)
			.build()), r -> r.getReportsList(), r -> r.getNextPageToken()));
	}

	public void acceptMilestone(String projectId, String milestoneId) {
		call(() -> stub().acceptMilestone(AcceptMilestoneRequest.newBuilder()
			.setProjectId(projectId)
			.setMilestoneId(milestoneId)
			.build()));
	}

	public void returnMilestone(String projectId, String milestoneId, String reasons) {
		call(() -> stub().returnMilestone(ReturnMilestoneRequest.newBuilder()
			.setProjectId(projectId)
			.setMilestoneId(milestoneId)
			.setReasons(reasons)
			.build()));
	}

	public List<ChangeRequest> changes(String projectId) {
		return call(() -> all(token -> stub().listChangeRequests(ListChangeRequestsRequest.newBuilder()
			.setProjectId(projectId)
			.setPageSize(PAGE)
			.setPageToken(token)
			.build()), r -> r.getChangeRequestsList(), r -> r.getNextPageToken()));
	}

	public ChangeRequest decideChange(String projectId, String changeId, boolean approve, String note) {
		return call(() -> stub().decideChangeRequest(DecideChangeRequestRequest.newBuilder()
			.setProjectId(projectId)
			.setChangeRequestId(changeId)
			.setDecision(approve ? ChangeRequestDecision.CHANGE_REQUEST_DECISION_APPROVE
					: ChangeRequestDecision.CHANGE_REQUEST_DECISION_REJECT)
			.setNote(note)
			.build()).getChangeRequest());
	}

	// issuing the task book, check rounds, milestone evidence (the manager's project page)

	public GetTaskBookResponse issueTaskBook(String projectId, List<KpiTarget> targets) {
		call(() -> stub().issueTaskBook(IssueTaskBookRequest.newBuilder()
			.setProjectId(projectId)
			.addAllKpiTargets(targets)
			.build()));
		return taskBook(projectId);
	}

	public CheckRound openRound(String projectId, CheckRoundKind kind) {
		return call(() -> stub().openCheckRound(OpenCheckRoundRequest.newBuilder()
			.setProjectId(projectId)
			.setKind(kind)
			.build()).getCheckRound());
	}

	public List<CheckRound> rounds(String projectId) {
		return call(() -> all(token -> stub().listCheckRounds(ListCheckRoundsRequest.newBuilder()
			.setProjectId(projectId)
			.setPageSize(PAGE)
			.setPageToken(token)
			.build()), r -> r.getCheckRoundsList(), r -> r.getNextPageToken()));
	}

	public List<ProjectDocument> evidence(String projectId, String milestoneId) {
		return call(() -> all(token -> stub().listMilestoneEvidence(ListMilestoneEvidenceRequest.newBuilder()
			.setProjectId(projectId)
			.setMilestoneId(milestoneId)
			.setPageSize(PAGE)
			.setPageToken(token)
			.build()), r -> r.getDocumentsList(), r -> r.getNextPageToken()));
	}

	public DownloadMilestoneEvidenceResponse downloadEvidence(String projectId, String milestoneId, String documentId) {
		return call(() -> stub().downloadMilestoneEvidence(DownloadMilestoneEvidenceRequest.newBuilder()
			.setProjectId(projectId)
			.setMilestoneId(milestoneId)
			.setDocumentId(documentId)
			.build()));
	}

	static Money fen(long fen) {
		return Money.newBuilder().setCurrencyCode("CNY").setMinorUnits(fen).build();
	}

	private ProjectServiceGrpc.ProjectServiceBlockingStub stub() {
		return this.stub.withDeadlineAfter(DEADLINE_MS, TimeUnit.MILLISECONDS);
	}

	private static <R, T> List<T> all(Function<String, R> page, Function<R, List<T>> rows, Function<R, String> next) {
		return PagedRpcs.all(page, rows, next, "project-service");
	}

	private static <T> T call(Supplier<T> rpc) {
		try {
			return rpc.get();
		}
		catch (StatusRuntimeException ex) {
			throw ServiceErrors.translate("project-service", ex);
		}
	}

}
