package cn.jiangmen.innovation.project.web.document;

import java.util.List;

import cn.jiangmen.innovation.platform.attachment.AttachmentHttp;
import cn.jiangmen.innovation.platform.domain.Ids;
import cn.jiangmen.innovation.platform.security.Callers;
import cn.jiangmen.innovation.project.application.document.MilestoneEvidenceCommands;
import cn.jiangmen.innovation.project.domain.MilestoneId;
import cn.jiangmen.innovation.project.domain.ProjectId;
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
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/projects/projects/{projectId}/milestones/{milestoneId}/evidence")
@Tag(name = "Milestone evidence", description = "佐证材料 for a milestone's progress report, checked by content")
class MilestoneEvidenceController {

	private final MilestoneEvidenceCommands evidence;

	MilestoneEvidenceController(MilestoneEvidenceCommands evidence) {
		this.evidence = evidence;
	}

	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(operationId = "uploadMilestoneEvidence", summary = "The lead uploads evidence (PDF, DOCX, XLSX, PNG, "
			+ "JPEG; type checked by content; 10 MB a file, 50 MB a milestone) while the milestone can be reported; "
			+ "the progress report then names it by file name and SHA-256")
	ResponseEntity<ProjectDocumentView> upload(@PathVariable("projectId") String projectId,
			@PathVariable("milestoneId") String milestoneId,
			@RequestPart(name = "file", required = false) MultipartFile file) {
		byte[] content = AttachmentHttp.content(file);
		ProjectDocumentView view = ProjectDocumentView.of(this.evidence.upload(Callers.current(),
				ProjectId.parse(projectId, "projectId"), MilestoneId.parse(milestoneId, "milestoneId"),
				file.getOriginalFilename(), content));
		return ResponseEntity.status(HttpStatus.CREATED).body(view);
	}

	@GetMapping
	@Operation(operationId = "listMilestoneEvidence", summary = "A milestone's evidence (whoever reads the project)")
	List<ProjectDocumentView> list(@PathVariable("projectId") String projectId,
			@PathVariable("milestoneId") String milestoneId) {
		return this.evidence
			.list(Callers.current(), ProjectId.parse(projectId, "projectId"), MilestoneId.parse(milestoneId, "milestoneId"))
			.stream()
			.map(ProjectDocumentView::of)
			.toList();
	}

	@GetMapping("/{documentId}")
	@Operation(operationId = "downloadMilestoneEvidence",
			summary = "Download: Content-Disposition attachment, nosniff, CSP sandbox, the stored SHA-256 as Repr-Digest")
	ResponseEntity<Resource> download(@PathVariable("projectId") String projectId,
			@PathVariable("milestoneId") String milestoneId, @PathVariable("documentId") String documentId) {
		MilestoneEvidenceCommands.Download download = this.evidence.download(Callers.current(),
				ProjectId.parse(projectId, "projectId"), MilestoneId.parse(milestoneId, "milestoneId"),
				Ids.parse(documentId, "documentId", java.util.function.Function.identity()));
		var d = download.document();
		return AttachmentHttp.download(d.filename(), d.type(), d.sha256(), download.content());
	}

	@DeleteMapping("/{documentId}")
	@Operation(operationId = "removeMilestoneEvidence", summary = "The lead removes evidence while the milestone can be reported")
	ResponseEntity<Void> remove(@PathVariable("projectId") String projectId,
			@PathVariable("milestoneId") String milestoneId, @PathVariable("documentId") String documentId) {
		this.evidence.remove(Callers.current(), ProjectId.parse(projectId, "projectId"),
				MilestoneId.parse(milestoneId, "milestoneId"),
				Ids.parse(documentId, "documentId", java.util.function.Function.identity()));
		return ResponseEntity.noContent().build();
	}

}
