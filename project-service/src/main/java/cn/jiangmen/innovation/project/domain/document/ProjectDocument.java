package cn.jiangmen.innovation.project.domain.document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import cn.jiangmen.innovation.platform.attachment.AttachmentLimits;
import cn.jiangmen.innovation.platform.attachment.CheckedDocument;
import cn.jiangmen.innovation.platform.attachment.DocumentType;
import cn.jiangmen.innovation.platform.error.FieldViolation;
import cn.jiangmen.innovation.platform.error.InvalidInputException;

/**
 * A document kept with a proposal (申报材料: one of the call's required documents, or a supporting
 * one) or with a milestone (evidence for its progress report, 佐证材料). Checked as talent's
 * attachments are, by platform's {@link CheckedDocument}: content type by magic bytes, zip-bomb
 * bounds, per-file and per-owner size limits, a plain file name.
 *
 * @param ownerId the proposal or the milestone
 * @param requirement the call's required document this one is (exactly as the call names it), or
 * null for a supporting document; always null for evidence
 */
public record ProjectDocument(UUID id, UUID ownerId, String requirement, String filename, DocumentType type,
		long size, String sha256, String uploadedBy, Instant uploadedAt) {

	public ProjectDocument {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(ownerId, "ownerId");
		Objects.requireNonNull(filename, "filename");
		Objects.requireNonNull(type, "type");
		Objects.requireNonNull(sha256, "sha256");
	}

	/**
	 * Checks an upload before anything is stored; every bad field is named at once.
	 * @param owner what the total limit is for ({@code proposal}, {@code milestone}): the code of
	 * that refusal is {@code attachment.<owner>-total}
	 * @param requirements what {@code requirement} may name (the call's required documents); an
	 * empty list refuses any requirement
	 */
	public static ProjectDocument accept(UUID ownerId, String owner, String requirement, List<String> requirements,
			String filename, byte[] content, AttachmentLimits limits, long alreadyStored, String uploadedBy,
			Instant now) {
		List<FieldViolation> violations = new ArrayList<>();
		String named = requirement == null || requirement.isBlank() ? null : requirement.strip();
		if (named != null && !requirements.contains(named)) {
			violations.add(new FieldViolation("requirement", "code.unknown", requirements.isEmpty()
					? "must be empty: nothing is required here"
					: "must be one of the call's required documents: " + String.join(", ", requirements)));
		}
		CheckedDocument file = CheckedDocument.check(filename, content, limits, owner, alreadyStored, violations);
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		return new ProjectDocument(UUID.randomUUID(), ownerId, named, file.filename(), file.type(), file.size(),
				file.sha256(), uploadedBy, now);
	}

	/** One of the call's required documents that no document answers yet, at {@code index} in the call's list. */
	public record Missing(int index, String requirement) {

		/** The field submission's refusal names: {@code documents[1]}. */
		public String field() {
			return "documents[" + this.index + "]";
		}

		public FieldViolation violation() {
			return new FieldViolation(field(), "attachment.required", "the call requires the document " + this.requirement);
		}

	}

	/** The call's required documents no document answers yet, in the call's order. */
	public static List<Missing> missing(List<String> requirements, List<ProjectDocument> documents) {
		List<Missing> missing = new ArrayList<>();
		for (int i = 0; i < requirements.size(); i++) {
			String required = requirements.get(i);
			if (documents.stream().noneMatch(d -> required.equals(d.requirement()))) {
				missing.add(new Missing(i, required));
			}
		}
		return missing;
	}

}
