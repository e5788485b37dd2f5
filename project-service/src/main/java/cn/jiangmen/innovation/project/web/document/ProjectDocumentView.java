package cn.jiangmen.innovation.project.web.document;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import cn.jiangmen.innovation.project.domain.document.ProjectDocument;

/**
 * A proposal document or a milestone's evidence; {@code sha256} lets a reader verify the download
 * and is what a progress report names its evidence by.
 *
 * @param requirement which of the call's required documents this is; null for a supporting one
 */
public record ProjectDocumentView(UUID id, String requirement, String filename, String contentType, long size, String sha256,
		String uploadedBy, Instant uploadedAt) {

	static ProjectDocumentView of(ProjectDocument d) {
		return new ProjectDocumentView(d.id(), d.requirement(), d.filename(), d.type().contentType(), d.size(), d.sha256(),
				d.uploadedBy(), d.uploadedAt());
	}

	/** A proposal's documents and the call's required documents none of them answers yet. */
	public record ProposalDocumentListing(List<ProjectDocumentView> documents, List<MissingDocument> missing) {
	}

	/** A required document not uploaded; {@code field} is what submission's 400 names ({@code documents[1]}). */
	public record MissingDocument(String field, String requirement) {

		static MissingDocument of(ProjectDocument.Missing missing) {
			return new MissingDocument(missing.field(), missing.requirement());
		}

	}

}
