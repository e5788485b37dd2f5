package cn.jiangmen.innovation.talent.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import cn.jiangmen.innovation.platform.error.FieldViolation;
import cn.jiangmen.innovation.platform.error.InvalidInputException;
import cn.jiangmen.innovation.platform.attachment.AttachmentLimits;
import cn.jiangmen.innovation.platform.attachment.CheckedDocument;
import cn.jiangmen.innovation.platform.attachment.DocumentType;

/** A document attached to an application: what it is, its checked type, size and SHA-256. */
public record Attachment(AttachmentId id, ApplicationId applicationId, AttachmentKind kind, String filename,
		DocumentType type, long size, String sha256, String uploadedBy, Instant uploadedAt) {

	public static final int MAX_FILENAME = CheckedDocument.MAX_FILENAME;

	public Attachment {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(applicationId, "applicationId");
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(filename, "filename");
		Objects.requireNonNull(type, "type");
		Objects.requireNonNull(sha256, "sha256");
	}

	/**
	 * Checks an upload before anything is stored: a kind, and the file as every service checks it
	 * (platform's {@link CheckedDocument}: a plain name, content that really is an accepted type
	 * matching the name's extension, within the per-file limit and what the application has left of
	 * its total, zip-bomb bounds).
	 */
	public static Attachment accept(ApplicationId applicationId, String kind, String filename, byte[] content,
			AttachmentLimits limits, long alreadyStored, String uploadedBy, Instant now) {
		List<FieldViolation> violations = new ArrayList<>();
		AttachmentKind attachmentKind = null;
		try {
			attachmentKind = AttachmentKind.valueOf(kind == null ? "" : kind.strip().toUpperCase(java.util.Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			violations.add(new FieldViolation("kind", "code.unknown", "must be PROPOSAL, CV, CONTRACT or OTHER"));
		}
		CheckedDocument file = CheckedDocument.check(filename, content, limits, "application", alreadyStored,
				violations);
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		return new Attachment(AttachmentId.newId(), applicationId, attachmentKind, file.filename(), file.type(),
				file.size(), file.sha256(), uploadedBy, now);
	}

	public static String sha256(byte[] content) {
		return CheckedDocument.sha256(content);
	}

}
