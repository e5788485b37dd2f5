package cn.jiangmen.innovation.portal.project;

import java.io.IOException;
import java.util.List;

import cn.jiangmen.innovation.contracts.project.v1.DownloadMilestoneEvidenceResponse;
import cn.jiangmen.innovation.portal.web.FailedPost;
import cn.jiangmen.innovation.portal.web.Refused;
import cn.jiangmen.innovation.portal.web.Rejected;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A milestone's evidence (佐证材料) from the progress-report form: the lead uploads a document (checked
 * by project-service as every attachment: type by content, size, name) and lands back on the form,
 * where it is offered for the report; a refusal comes back next to the file input. Whoever reads the
 * project downloads it; project-service refuses anyone else (404/403 pages).
 */
@Controller
@RequestMapping("/projects/{projectId:[0-9a-fA-F-]{36}}/milestones/{milestoneId}/evidence")
@PreAuthorize("hasRole('applicant')")
class MilestoneEvidencePagesController {

	/** The form the evidence section belongs to; the subject a failed upload is filed under. */
	static final String SUBJECT = "evidence";

	private final ObjectProvider<ProjectPortalClient> client;

	MilestoneEvidencePagesController(ObjectProvider<ProjectPortalClient> client) {
		this.client = client;
	}

	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	String upload(@PathVariable("projectId") String projectId, @PathVariable("milestoneId") String milestoneId,
			@RequestParam(name = "file", required = false) MultipartFile file, RedirectAttributes redirect)
			throws IOException {
		String form = "/projects/" + ProjectMessages.id(projectId) + "/milestones/" + ProjectMessages.id(milestoneId)
				+ "/report";
		LinkedMultiValueMap<String, String> typed = new LinkedMultiValueMap<>();
		if (file == null || file.isEmpty()) {
			return FailedPost.rejected(typed, List.of(new Rejected.Violation("file", "attachment.empty")))
				.about(SUBJECT)
				.redirect(form, redirect);
		}
		try {
			this.client.getObject().uploadEvidence(projectId, milestoneId, file.getOriginalFilename(), file.getBytes());
			return "redirect:" + form + "?uploaded=1#evidence";
		}
		catch (Rejected rejected) {
			return FailedPost.rejected(typed, rejected.violations()).about(SUBJECT).redirect(form, redirect);
		}
		catch (Refused refused) {
			return FailedPost.refused(typed, ProjectMessages.refusal(refused.code())).about(SUBJECT).redirect(form, redirect);
		}
	}

	@GetMapping("/{documentId}")
	ResponseEntity<byte[]> download(@PathVariable("projectId") String projectId,
			@PathVariable("milestoneId") String milestoneId, @PathVariable("documentId") String documentId) {
		DownloadMilestoneEvidenceResponse download = this.client.getObject()
			.downloadEvidence(projectId, milestoneId, documentId);
		return EvidenceDownload.of(download.getDocument(), download.getContent().toByteArray());
	}

}
