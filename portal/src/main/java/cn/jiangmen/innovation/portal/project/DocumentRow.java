package cn.jiangmen.innovation.portal.project;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import cn.jiangmen.innovation.contracts.project.v1.MissingDocument;
import cn.jiangmen.innovation.contracts.project.v1.ProjectDocument;

/**
 * One uploaded proposal document as the page shows it.
 *
 * @param id the document's id (its download and remove addresses)
 * @param requirement the call's required document it answers, empty for a supporting document
 * @param filename as uploaded
 * @param sizeKb rounded up, so a small file never reads "0 KB"
 * @param uploadedAt in the portal's zone
 */
record DocumentRow(String id, String requirement, String filename, long sizeKb, ZonedDateTime uploadedAt) {

	static DocumentRow of(ProjectDocument document, ZoneId zone) {
		return new DocumentRow(document.getDocumentId(), document.getRequirement(), document.getFilename(),
				(document.getSizeBytes() + 1023) / 1024,
				document.hasUploadedAt() ? CallView.at(document.getUploadedAt(), zone) : null);
	}

	/**
	 * One of the call's required documents: its index (the {@code documents[i]} submission names), its
	 * name, whether one is uploaded, and the files uploaded for it.
	 */
	record Requirement(int index, String name, boolean missing, List<DocumentRow> files) {

		/** The id of the requirement's file input, which submission's {@code documents[i]} refusal points at. */
		String inputId() {
			return "documents-" + this.index;
		}

		static List<Requirement> of(List<String> required, List<DocumentRow> documents, List<MissingDocument> missing) {
			Set<String> absent = missing.stream().map(MissingDocument::getRequirement).collect(Collectors.toSet());
			return java.util.stream.IntStream.range(0, required.size())
				.mapToObj(i -> new Requirement(i, required.get(i), absent.contains(required.get(i)),
						documents.stream().filter(d -> d.requirement().equals(required.get(i))).toList()))
				.toList();
		}

	}

}
