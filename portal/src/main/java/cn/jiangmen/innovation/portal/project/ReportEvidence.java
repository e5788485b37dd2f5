package cn.jiangmen.innovation.portal.project;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.jiangmen.innovation.contracts.project.v1.EvidenceDocument;
import cn.jiangmen.innovation.contracts.project.v1.ProjectDocument;
import cn.jiangmen.innovation.portal.web.FailedPost;
import cn.jiangmen.innovation.portal.web.FieldErrors;

import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;

/**
 * The evidence section of the progress-report form: the milestone's uploaded documents, each a
 * checkbox {@code evidence.<document id>} (one parameter per document, so a rejected report brings the
 * choice back through the form's flash), all ticked on a fresh form; the report names the chosen ones
 * by file name and SHA-256, as project-service records evidence.
 */
final class ReportEvidence {

	static final String PARAM = "evidence.";

	private ReportEvidence() {
	}

	static void fill(Model model, List<ProjectDocument> documents, Map<String, String> typed, FailedPost upload) {
		Set<String> chosen = new LinkedHashSet<>();
		documents.forEach(d -> {
			if (typed == null || typed.containsKey(PARAM + d.getDocumentId())) {
				chosen.add(d.getDocumentId());
			}
		});
		model.addAttribute("evidenceDocuments", documents);
		model.addAttribute("evidenceChosen", chosen);
		boolean failedUpload = upload != null && upload.isAbout(MilestoneEvidencePagesController.SUBJECT);
		// the upload's reasons name the part "file": shown next to the evidence file input
		model.addAttribute("uploadErrors", failedUpload
				? FieldErrors.of("projects", upload.violations(), field -> "evidence-file") : FieldErrors.none());
		model.addAttribute("uploadRefusal", failedUpload ? upload.refusal() : null);
	}

	static List<EvidenceDocument> chosen(List<ProjectDocument> documents, MultiValueMap<String, String> params) {
		return documents.stream()
			.filter(d -> params.containsKey(PARAM + d.getDocumentId()))
			.map(d -> EvidenceDocument.newBuilder().setName(d.getFilename()).setSha256(d.getSha256()).build())
			.toList();
	}

}
