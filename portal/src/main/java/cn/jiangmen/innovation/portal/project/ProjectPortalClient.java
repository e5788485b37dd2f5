package cn.jiangmen.innovation.portal.project;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

import cn.jiangmen.innovation.contracts.project.v1.AcceptTaskBookRequest;
import cn.jiangmen.innovation.contracts.project.v1.ChangeRequest;
import cn.jiangmen.innovation.contracts.project.v1.ConfirmParticipationRequest;
import cn.jiangmen.innovation.contracts.project.v1.CreateProposalRequest;
import cn.jiangmen.innovation.contracts.project.v1.DeleteProposalDocumentRequest;
import cn.jiangmen.innovation.contracts.project.v1.DownloadProposalDocumentRequest;
import cn.jiangmen.innovation.contracts.project.v1.DownloadProposalDocumentResponse;
import cn.jiangmen.innovation.contracts.project.v1.GetCallRequest;
import cn.jiangmen.innovation.contracts.project.v1.GetProjectSummaryRequest;
import cn.jiangmen.innovation.contracts.project.v1.GetProposalRequest;
import cn.jiangmen.innovation.contracts.project.v1.GetTaskBookPdfRequest;
import cn.jiangmen.innovation.contracts.project.v1.GetTaskBookPdfResponse;
import cn.jiangmen.innovation.contracts.project.v1.GetTaskBookRequest;
import cn.jiangmen.innovation.contracts.project.v1.GetTaskBookResponse;
import cn.jiangmen.innovation.contracts.project.v1.KpiValue;
import cn.jiangmen.innovation.contracts.project.v1.ListCallsRequest;
import cn.jiangmen.innovation.contracts.project.v1.ListChangeRequestsRequest;
import cn.jiangmen.innovation.contracts.project.v1.ListPriorityFieldsRequest;
import cn.jiangmen.innovation.contracts.project.v1.ListProgressReportsRequest;
import cn.jiangmen.innovation.contracts.project.v1.ListProposalDocumentsRequest;
import cn.jiangmen.innovation.contracts.project.v1.ListProposalDocumentsResponse;
import cn.jiangmen.innovation.contracts.project.v1.ListProposalsRequest;
import cn.jiangmen.innovation.contracts.project.v1.MissingDocument;
import cn.jiangmen.innovation.contracts.project.v1.PriorityField;
import cn.jiangmen.innovation.contracts.project.v1.ProgressReport;
import cn.jiangmen.innovation.contracts.project.v1.ProjectCall;
import cn.jiangmen.innovation.contracts.project.v1.ProjectDocument;
import cn.jiangmen.innovation.contracts.project.v1.CheckRound;
import cn.jiangmen.innovation.contracts.project.v1.DownloadMilestoneEvidenceRequest;
import cn.jiangmen.innovation.contracts.project.v1.DownloadMilestoneEvidenceResponse;
import cn.jiangmen.innovation.contracts.project.v1.EvidenceDocument;
import cn.jiangmen.innovation.contracts.project.v1.ListCheckRoundsRequest;
import cn.jiangmen.innovation.contracts.project.v1.ListMilestoneEvidenceRequest;
import cn.jiangmen.innovation.contracts.project.v1.ProjectServiceGrpc;
import cn.jiangmen.innovation.contracts.project.v1.UploadMilestoneEvidenceRequest;
import cn.jiangmen.innovation.contracts.project.v1.ProjectSummary;
import cn.jiangmen.innovation.contracts.project.v1.Proposal;
import cn.jiangmen.innovation.contracts.project.v1.ProposalContent;
import cn.jiangmen.innovation.contracts.project.v1.RequestChangeRequest;
import cn.jiangmen.innovation.contracts.project.v1.RequestedChange;
import cn.jiangmen.innovation.contracts.project.v1.SaveProposalRequest;
import cn.jiangmen.innovation.contracts.project.v1.SaveProposalResponse;
import cn.jiangmen.innovation.contracts.project.v1.SubmitProgressReportRequest;
import cn.jiangmen.innovation.contracts.project.v1.SubmitProposalRequest;
import cn.jiangmen.innovation.contracts.project.v1.TaskBookStatus;
import cn.jiangmen.innovation.contracts.project.v1.UploadProposalDocumentRequest;
import cn.jiangmen.innovation.contracts.project.v1.WithdrawProposalRequest;
import cn.jiangmen.innovation.portal.web.PagedRpcs;
import cn.jiangmen.innovation.portal.web.ServiceErrors;
import com.google.protobuf.ByteString;
import io.grpc.StatusRuntimeException;

import org.springframework.grpc.client.GrpcChannelFactory;
import org.springframework.stereotype.Component;

/**
 * The applicant's major-project pages' way to project-service (gRPC channel {@code project}, the
 * user's token relayed, so project-service applies its per-organisation rules: a partner reads but
 * does not save or submit, another organisation gets NOT_FOUND). Errors become pages through
 * {@link ServiceErrors} like every client of the portal.
 */
@Component
public class ProjectPortalClient {

	static final String CHANNEL = "project";

	/** The largest page project-service serves (platform PageRequest.MAX_SIZE). */
	static final int PAGE = 200;

	private static final long DEADLINE_MS = 5000;

	/** Room for a 10 MB proposal document in one message, both ways (project-service accepts 12 MB). */
	static final int MAX_MESSAGE = 12 * 1024 * 1024;

	private final ProjectServiceGrpc.ProjectServiceBlockingStub stub;

	public ProjectPortalClient(GrpcChannelFactory channels) {
		this.stub = ProjectServiceGrpc.newBlockingStub(channels.createChannel(CHANNEL))
			.withMaxInboundMessageSize(MAX_MESSAGE)
			.withMaxOutboundMessageSize(MAX_MESSAGE);
	}

	public List<PriorityField> fields() {
		return call(() -> all(token -> stub().listPriorityFields(
				ListPriorityFieldsRequest.newBuilder().setPageSize(PAGE).setPageToken(token).build()),
				r -> r.getFieldsList(), r -> r.getNextPageToken()));
	}

	/** Published and closed calls (an applicant sees no drafts), latest first; one field's or all. */
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

	/** The organisation's proposals, as lead or as partner. */
	public List<Proposal> proposals() {
		return call(() -> all(token -> stub().listProposals(
				ListProposalsRequest.newBuilder().setPageSize(PAGE).setPageToken(token).build()),
				r -> r.getProposalsList(), r -> r.getNextPageToken()));
	}

	public Proposal proposal(String proposalId) {
		return call(() -> stub().getProposal(GetProposalRequest.newBuilder().setProposalId(proposalId).build())
			.getProposal());
	}

	public Proposal create(String callId, ProposalContent content) {
		return call(() -> stub().createProposal(
				CreateProposalRequest.newBuilder().setCallId(callId).setContent(content).build()).getProposal());
	}

	/** A partial save: the answer's field errors name what kept its previous value. */
	public SaveProposalResponse save(String proposalId, ProposalContent content, long version) {
		return call(() -> stub().saveProposal(SaveProposalRequest.newBuilder()
			.setProposalId(proposalId)
			.setContent(content)
			.setVersion(version)
			.build()));
	}

	public Proposal submit(String proposalId) {
		return call(() -> stub().submitProposal(SubmitProposalRequest.newBuilder().setProposalId(proposalId).build())
			.getProposal());
	}

	public Proposal withdraw(String proposalId) {
		return call(() -> stub().withdrawProposal(WithdrawProposalRequest.newBuilder().setProposalId(proposalId).build())
			.getProposal());
	}

	public Proposal confirm(String proposalId) {
		return call(() -> stub()
			.confirmParticipation(ConfirmParticipationRequest.newBuilder().setProposalId(proposalId).build())
			.getProposal());
	}

	/** A proposal's documents (every page) and the call's required documents none of them answers yet. */
	public Documents documents(String proposalId) {
		return call(() -> {
			PagedRpcs.Pages<ListProposalDocumentsResponse, ProjectDocument> pages = PagedRpcs
				.read(token -> stub().listProposalDocuments(ListProposalDocumentsRequest.newBuilder()
					.setProposalId(proposalId)
					.setPageSize(PAGE)
					.setPageToken(token)
					.build()), r -> r.getDocumentsList(), r -> r.getNextPageToken(), "project-service");
			// the missing requirements are the proposal's, not a page's: the last page has them
			return new Documents(pages.rows(), pages.last().getMissingList());
		});
	}

	/** @param requirement one of the call's required documents, or empty for a supporting document */
	public ProjectDocument upload(String proposalId, String requirement, String filename, byte[] content) {
		return call(() -> stub().uploadProposalDocument(UploadProposalDocumentRequest.newBuilder()
			.setProposalId(proposalId)
			.setRequirement(requirement == null ? "" : requirement)
			.setFilename(filename == null ? "" : filename)
			.setContent(ByteString.copyFrom(content))
			.build()).getDocument());
	}

	public DownloadProposalDocumentResponse download(String proposalId, String documentId) {
		return call(() -> stub().downloadProposalDocument(DownloadProposalDocumentRequest.newBuilder()
			.setProposalId(proposalId)
			.setDocumentId(documentId)
			.build()));
	}

	public void deleteDocument(String proposalId, String documentId) {
		call(() -> stub().deleteProposalDocument(DeleteProposalDocumentRequest.newBuilder()
			.setProposalId(proposalId)
			.setDocumentId(documentId)
			.build()));
	}

	/**
	 * @param documents every document of the proposal
	 * @param missing the call's required documents still without one
	 */
	public record Documents(List<ProjectDocument> documents, List<MissingDocument> missing) {
	}

	public ProjectSummary project(String projectId) {
		return call(() -> stub().getProjectSummary(GetProjectSummaryRequest.newBuilder().setProjectId(projectId).build())
			.getSummary());
	}

	public GetTaskBookResponse taskBook(String projectId) {
		return call(() -> stub().getTaskBook(GetTaskBookRequest.newBuilder().setProjectId(projectId).build()));
	}

	public GetTaskBookPdfResponse taskBookPdf(String projectId) {
		return call(() -> stub().getTaskBookPdf(GetTaskBookPdfRequest.newBuilder().setProjectId(projectId).build()));
	}

	public TaskBookStatus acceptTaskBook(String projectId) {
		return call(() -> stub().acceptTaskBook(AcceptTaskBookRequest.newBuilder().setProjectId(projectId).build())
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

	public ProgressReport report(String projectId, String milestoneId, String summary, List<KpiValue> values,
			List<EvidenceDocument> documents) {
		return call(() -> stub().submitProgressReport(SubmitProgressReportRequest.newBuilder()
			.setProjectId(projectId)
			.setMilestoneId(milestoneId)
			.setSummary(summary)
			.addAllKpiValues(values)
			.addAllDocuments(documents)
			.build()).getReport());
	}

	public List<CheckRound> rounds(String projectId) {
		return call(() -> all(token -> stub().listCheckRounds(ListCheckRoundsRequest.newBuilder()
			.setProjectId(projectId)
			.setPageSize(PAGE)
			.setPageToken(token)
			.build()), r -> r.getCheckRoundsList(), r -> r.getNextPageToken()));
	}

	/** A milestone's evidence (佐证材料), oldest first as project-service lists it. */
	public List<ProjectDocument> evidence(String projectId, String milestoneId) {
		return call(() -> all(token -> stub().listMilestoneEvidence(ListMilestoneEvidenceRequest.newBuilder()
			.setProjectId(projectId)
			.setMilestoneId(milestoneId)
			.setPageSize(PAGE)
			.setPageToken(token)
			.build()), r -> r.getDocumentsList(), r -> r.getNextPageToken()));
	}

	public ProjectDocument uploadEvidence(String projectId, String milestoneId, String filename, byte[] content) {
		return call(() -> stub().uploadMilestoneEvidence(UploadMilestoneEvidenceRequest.newBuilder()
				.setProjectId(projectId)
				.setMilestoneId(milestoneId)
				.setFilename(filename == null ? "" : filename)
				.setContent(ByteString.copyFrom(content))
				.build())
			.getDocument());
	}

	public DownloadMilestoneEvidenceResponse downloadEvidence(String projectId, String milestoneId, String documentId) {
		return call(() -> stub().downloadMilestoneEvidence(DownloadMilestoneEvidenceRequest.newBuilder()
			.setProjectId(projectId)
			.setMilestoneId(milestoneId)
			.setDocumentId(documentId)
			.build()));
	}

	public List<ChangeRequest> changeRequests(String projectId) {
		return call(() -> all(token -> stub().listChangeRequests(ListChangeRequestsRequest.newBuilder()
			.setProjectId(projectId)
			.setPageSize(PAGE)
			.setPageToken(token)
			.build()), r -> r.getChangeRequestsList(), r -> r.getNextPageToken()));
	}

	public ChangeRequest requestChange(String projectId, RequestedChange change, String reason) {
		return call(() -> stub().requestChange(RequestChangeRequest.newBuilder()
			.setProjectId(projectId)
			.setChange(change)
			.setReason(reason)
			.build()).getChangeRequest());
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
