package cn.jiangmen.innovation.project.grpc;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import cn.jiangmen.innovation.contracts.project.v1.DeleteMilestoneEvidenceRequest;
import cn.jiangmen.innovation.contracts.project.v1.DeleteMilestoneEvidenceResponse;
import cn.jiangmen.innovation.contracts.project.v1.DeleteProposalDocumentRequest;
import cn.jiangmen.innovation.contracts.project.v1.DeleteProposalDocumentResponse;
import cn.jiangmen.innovation.contracts.project.v1.DownloadMilestoneEvidenceRequest;
import cn.jiangmen.innovation.contracts.project.v1.DownloadMilestoneEvidenceResponse;
import cn.jiangmen.innovation.contracts.project.v1.DownloadProposalDocumentRequest;
import cn.jiangmen.innovation.contracts.project.v1.DownloadProposalDocumentResponse;
import cn.jiangmen.innovation.contracts.project.v1.ListMilestoneEvidenceRequest;
import cn.jiangmen.innovation.contracts.project.v1.ListMilestoneEvidenceResponse;
import cn.jiangmen.innovation.contracts.project.v1.ListProposalDocumentsRequest;
import cn.jiangmen.innovation.contracts.project.v1.ListProposalDocumentsResponse;
import cn.jiangmen.innovation.contracts.project.v1.MissingDocument;
import cn.jiangmen.innovation.contracts.project.v1.ProjectServiceGrpc;
import cn.jiangmen.innovation.contracts.project.v1.UploadMilestoneEvidenceRequest;
import cn.jiangmen.innovation.contracts.project.v1.UploadMilestoneEvidenceResponse;
import cn.jiangmen.innovation.contracts.project.v1.UploadProposalDocumentRequest;
import cn.jiangmen.innovation.contracts.project.v1.UploadProposalDocumentResponse;
import cn.jiangmen.innovation.platform.domain.Ids;
import cn.jiangmen.innovation.platform.grpc.ProtoTimes;
import cn.jiangmen.innovation.platform.paging.PageRequest;
import cn.jiangmen.innovation.platform.security.Callers;
import cn.jiangmen.innovation.project.application.document.MilestoneEvidenceCommands;
import cn.jiangmen.innovation.project.application.document.ProposalDocumentCommands;
import cn.jiangmen.innovation.project.domain.MilestoneId;
import cn.jiangmen.innovation.project.domain.ProjectId;
import cn.jiangmen.innovation.project.domain.ProposalId;
import cn.jiangmen.innovation.project.domain.document.ProjectDocument;
import com.google.protobuf.ByteString;
import io.grpc.ServerServiceDefinition;

import org.springframework.stereotype.Component;

/**
 * A proposal's documents and a milestone's evidence over gRPC, as talent's attachments: one
 * message carries a whole file (the server takes 12 MB). Field names of refusals are the same as on
 * REST ({@code file}, {@code requirement}, {@code documents[i]}); ids parsed here use the proto's.
 */
@Component
class DocumentRpcs implements ProjectRpcGroup {

	private final ProposalDocumentCommands proposals;

	private final MilestoneEvidenceCommands evidence;

	DocumentRpcs(ProposalDocumentCommands proposals, MilestoneEvidenceCommands evidence) {
		this.proposals = proposals;
		this.evidence = evidence;
	}

	@Override
	public void bindTo(ServerServiceDefinition.Builder service) {
		ProjectRpcGroup.unary(service, ProjectServiceGrpc.getUploadProposalDocumentMethod(), this::uploadProposalDocument);
		ProjectRpcGroup.unary(service, ProjectServiceGrpc.getListProposalDocumentsMethod(), this::listProposalDocuments);
		ProjectRpcGroup.unary(service, ProjectServiceGrpc.getDownloadProposalDocumentMethod(), this::downloadProposalDocument);
		ProjectRpcGroup.unary(service, ProjectServiceGrpc.getDeleteProposalDocumentMethod(), this::deleteProposalDocument);
		ProjectRpcGroup.unary(service, ProjectServiceGrpc.getUploadMilestoneEvidenceMethod(), this::uploadMilestoneEvidence);
		ProjectRpcGroup.unary(service, ProjectServiceGrpc.getListMilestoneEvidenceMethod(), this::listMilestoneEvidence);
		ProjectRpcGroup.unary(service, ProjectServiceGrpc.getDownloadMilestoneEvidenceMethod(), this::downloadMilestoneEvidence);
		ProjectRpcGroup.unary(service, ProjectServiceGrpc.getDeleteMilestoneEvidenceMethod(), this::deleteMilestoneEvidence);
	}

	UploadProposalDocumentResponse uploadProposalDocument(UploadProposalDocumentRequest request) {
		ProjectDocument document = this.proposals.upload(Callers.current(),
				ProposalId.parse(request.getProposalId(), "proposal_id"), request.getRequirement(),
				request.getFilename(), request.getContent().toByteArray());
		return UploadProposalDocumentResponse.newBuilder().setDocument(message(document)).build();
	}

	ListProposalDocumentsResponse listProposalDocuments(ListProposalDocumentsRequest request) {
		PageRequest page = PageRequest.of(request.getPageSize(), request.getPageToken(), "page_size", "page_token");
		ProposalDocumentCommands.Listing listing = this.proposals.list(Callers.current(),
				ProposalId.parse(request.getProposalId(), "proposal_id"));
		List<ProjectDocument> items = slice(listing.documents(), page);
		return ListProposalDocumentsResponse.newBuilder()
			.addAllDocuments(items.stream().map(DocumentRpcs::message).toList())
			.setNextPageToken(page.nextToken(items.size()))
			.addAllMissing(listing.missing()
				.stream()
				.map(m -> MissingDocument.newBuilder().setField(m.field()).setRequirement(m.requirement()).build())
				.toList())
			.build();
	}

	DownloadProposalDocumentResponse downloadProposalDocument(DownloadProposalDocumentRequest request) {
		ProposalDocumentCommands.Download download = this.proposals.download(Callers.current(),
				ProposalId.parse(request.getProposalId(), "proposal_id"), documentId(request.getDocumentId()));
		return DownloadProposalDocumentResponse.newBuilder()
			.setDocument(message(download.document()))
			.setContent(ByteString.copyFrom(download.content()))
			.build();
	}

	DeleteProposalDocumentResponse deleteProposalDocument(DeleteProposalDocumentRequest request) {
		this.proposals.remove(Callers.current(), ProposalId.parse(request.getProposalId(), "proposal_id"),
				documentId(request.getDocumentId()));
		return DeleteProposalDocumentResponse.getDefaultInstance();
	}

	UploadMilestoneEvidenceResponse uploadMilestoneEvidence(UploadMilestoneEvidenceRequest request) {
		ProjectDocument document = this.evidence.upload(Callers.current(),
				ProjectId.parse(request.getProjectId(), "project_id"),
				MilestoneId.parse(request.getMilestoneId(), "milestone_id"), request.getFilename(),
				request.getContent().toByteArray());
		return UploadMilestoneEvidenceResponse.newBuilder().setDocument(message(document)).build();
	}

	ListMilestoneEvidenceResponse listMilestoneEvidence(ListMilestoneEvidenceRequest request) {
		PageRequest page = PageRequest.of(request.getPageSize(), request.getPageToken(), "page_size", "page_token");
		List<ProjectDocument> items = slice(this.evidence.list(Callers.current(),
				ProjectId.parse(request.getProjectId(), "project_id"),
				MilestoneId.parse(request.getMilestoneId(), "milestone_id")), page);
		return ListMilestoneEvidenceResponse.newBuilder()
			.addAllDocuments(items.stream().map(DocumentRpcs::message).toList())
			.setNextPageToken(page.nextToken(items.size()))
			.build();
	}

	DownloadMilestoneEvidenceResponse downloadMilestoneEvidence(DownloadMilestoneEvidenceRequest request) {
		MilestoneEvidenceCommands.Download download = this.evidence.download(Callers.current(),
				ProjectId.parse(request.getProjectId(), "project_id"),
				MilestoneId.parse(request.getMilestoneId(), "milestone_id"), documentId(request.getDocumentId()));
		return DownloadMilestoneEvidenceResponse.newBuilder()
			.setDocument(message(download.document()))
			.setContent(ByteString.copyFrom(download.content()))
			.build();
	}

	DeleteMilestoneEvidenceResponse deleteMilestoneEvidence(DeleteMilestoneEvidenceRequest request) {
		this.evidence.remove(Callers.current(), ProjectId.parse(request.getProjectId(), "project_id"),
				MilestoneId.parse(request.getMilestoneId(), "milestone_id"), documentId(request.getDocumentId()));
		return DeleteMilestoneEvidenceResponse.getDefaultInstance();
	}

	static cn.jiangmen.innovation.contracts.project.v1.ProjectDocument message(ProjectDocument d) {
		return cn.jiangmen.innovation.contracts.project.v1.ProjectDocument.newBuilder()
			.setDocumentId(d.id().toString())
			.setRequirement(d.requirement() == null ? "" : d.requirement())
			.setFilename(d.filename())
			.setContentType(d.type().contentType())
			.setSizeBytes(d.size())
			.setSha256(d.sha256())
			.setUploadedBy(d.uploadedBy())
			.setUploadedAt(ProtoTimes.timestamp(d.uploadedAt()))
			.build();
	}

	private static UUID documentId(String text) {
		return Ids.parse(text, "document_id", Function.identity());
	}

	/** Documents of one owner are few (the total limit bounds them): listed whole, paged here. */
	private static <T> List<T> slice(List<T> all, PageRequest page) {
		int from = Math.min(page.offset(), all.size());
		return all.subList(from, Math.min(all.size(), from + page.size()));
	}

}
