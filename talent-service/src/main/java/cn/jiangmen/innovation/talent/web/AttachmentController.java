package cn.jiangmen.innovation.talent.web;

import java.util.List;

import cn.jiangmen.innovation.platform.attachment.AttachmentHttp;
import cn.jiangmen.innovation.talent.application.AttachmentService;
import cn.jiangmen.innovation.platform.security.Callers;
import cn.jiangmen.innovation.talent.domain.ApplicationId;
import cn.jiangmen.innovation.talent.domain.AttachmentId;
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
@RequestMapping("/api/talent/applications/{applicationId}/attachments")
@Tag(name = "Attachments", description = "Documents of an application, checked by content, served as downloads")
class AttachmentController {

	private final AttachmentService attachments;

	AttachmentController(AttachmentService attachments) {
		this.attachments = attachments;
	}

	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Upload a PDF, DOCX, XLSX, PNG or JPEG (type checked by content; size limits per file and application)")
	ResponseEntity<AttachmentView> upload(@PathVariable("applicationId") String applicationId,
			@RequestParam(name = "kind", required = false) String kind,
			@RequestPart(name = "file", required = false) MultipartFile file) {
		byte[] content = AttachmentHttp.content(file);
		AttachmentView view = AttachmentView.of(this.attachments.upload(Callers.current(),
				ApplicationId.parse(applicationId, "applicationId"), kind, file.getOriginalFilename(), content));
		return ResponseEntity.status(HttpStatus.CREATED).body(view);
	}

	@GetMapping
	@Operation(operationId = "listAttachments", summary = "Attachments of an application (organisation, managers, auditors)")
	List<AttachmentView> list(@PathVariable("applicationId") String applicationId) {
		return this.attachments.list(Callers.current(), ApplicationId.parse(applicationId, "applicationId"))
			.stream()
			.map(AttachmentView::of)
			.toList();
	}

	@GetMapping("/{id}")
	@Operation(summary = "Download: Content-Disposition attachment, nosniff, the stored SHA-256 as Repr-Digest")
	ResponseEntity<Resource> download(@PathVariable("applicationId") String applicationId,
			@PathVariable("id") String id) {
		AttachmentService.Download download = this.attachments.download(Callers.current(),
				ApplicationId.parse(applicationId, "applicationId"), AttachmentId.parse(id, "id"));
		var a = download.attachment();
		return AttachmentHttp.download(a.filename(), a.type(), a.sha256(), download.content());
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Remove an attachment while the application is a draft or returned")
	ResponseEntity<Void> remove(@PathVariable("applicationId") String applicationId, @PathVariable("id") String id) {
		this.attachments.remove(Callers.current(), ApplicationId.parse(applicationId, "applicationId"),
				AttachmentId.parse(id, "id"));
		return ResponseEntity.noContent().build();
	}

}
