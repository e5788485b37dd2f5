package cn.jiangmen.innovation.project.web.document;

import cn.jiangmen.innovation.platform.attachment.AttachmentHttp;
import cn.jiangmen.innovation.platform.domain.Ids;
import cn.jiangmen.innovation.platform.security.Callers;
import cn.jiangmen.innovation.project.application.document.ProposalDocumentCommands;
import cn.jiangmen.innovation.project.domain.ProposalId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/projects/proposals/{id}/documents")
@Tag(name = "Proposal documents", description = "申报材料: the call's required documents and supporting ones, "
		+ "checked by content, served as downloads")
class ProposalDocumentController {

	private final ProposalDocumentCommands documents;

	ProposalDocumentController(ProposalDocumentCommands documents) {
		this.documents = documents;
	}

	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(operationId = "uploadProposalDocument", summary = "The lead uploads a PDF, DOCX, XLSX, PNG or JPEG while "
			+ "the proposal is a draft or returned; requirement names which of the call's required documents it is "
			+ "(empty: a supporting document). Type checked by content; 10 MB a file, 50 MB a proposal")
	ResponseEntity<ProjectDocumentView> upload(@PathVariable("id") String id,
			@RequestParam(name = "requirement", required = false) String requirement,
			@RequestPart(name = "file", required = false) MultipartFile file) {
		byte[] content = AttachmentHttp.content(file);
		ProjectDocumentView view = ProjectDocumentView.of(this.documents.upload(Callers.current(), ProposalId.parse(id, "id"),
				requirement, file.getOriginalFilename(), content));
		return ResponseEntity.status(HttpStatus.CREATED).body(view);
	}

	@GetMapping
	@Operation(operationId = "listProposalDocuments", summary = "The proposal's documents and the required ones still "
			+ "missing (the consortium's organisations, managers, auditors; 404 for anyone else)")
	ProjectDocumentView.ProposalDocumentListing list(@PathVariable("id") String id) {
		ProposalDocumentCommands.Listing listing = this.documents.list(Callers.current(), ProposalId.parse(id, "id"));
		return new ProjectDocumentView.ProposalDocumentListing(listing.documents().stream().map(ProjectDocumentView::of).toList(),
				listing.missing().stream().map(ProjectDocumentView.MissingDocument::of).toList());
	}

	@GetMapping("/{documentId}")
	@Operation(operationId = "downloadProposalDocument",
			summary = "Download: Content-Disposition attachment, nosniff, CSP sandbox, the stored SHA-256 as Repr-Digest")
	ResponseEntity<Resource> download(@PathVariable("id") String id, @PathVariable("documentId") String documentId) {
		ProposalDocumentCommands.Download download = this.documents.download(Callers.current(),
				ProposalId.parse(id, "id"), Ids.parse(documentId, "documentId", java.util.function.Function.identity()));
		var d = download.document();
		return AttachmentHttp.download(d.filename(), d.type(), d.sha256(), download.content());
	}

	@DeleteMapping("/{documentId}")
	@Operation(operationId = "removeProposalDocument", summary = "The lead removes a document while the proposal is a "
			+ "draft or returned")
	ResponseEntity<Void> remove(@PathVariable("id") String id, @PathVariable("documentId") String documentId) {
		this.documents.remove(Callers.current(), ProposalId.parse(id, "id"),
				Ids.parse(documentId, "documentId", java.util.function.Function.identity()));
		return ResponseEntity.noContent().build();
	}

}
