package cn.jiangmen.innovation.talent.domain;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

import cn.jiangmen.innovation.platform.error.FieldViolation;
import cn.jiangmen.innovation.platform.error.InvalidInputException;
import cn.jiangmen.innovation.platform.json.SafeText;

/** A document attached to an application: what it is, its checked type, size and SHA-256. */
public record Attachment(AttachmentId id, ApplicationId applicationId, AttachmentKind kind, String filename,
		DocumentType type, long size, String sha256, String uploadedBy, Instant uploadedAt) {

	public static final int MAX_FILENAME = 200;

	public Attachment {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(applicationId, "applicationId");
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(filename, "filename");
		Objects.requireNonNull(type, "type");
		Objects.requireNonNull(sha256, "sha256");
	}

	/**
	 * Checks an upload before anything is stored: a kind, a plain file name, content that really
	 * is an accepted type matching the name's extension, within the per-file limit and within what
	 * the application has left of its total.
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
		String name = cleanName(filename);
		String unsafe = filename == null ? null : SafeText.problem(filename);
		if (unsafe != null) {
			// "invoice<U+202E>fdp.exe" shows as "invoiceexe.pdf": refused, not silently cleaned
			violations.add(new FieldViolation("file", "attachment.filename", "name " + unsafe));
		}
		else if (name == null) {
			violations.add(new FieldViolation("file", "attachment.filename", "needs a plain file name of at most "
					+ MAX_FILENAME + " characters"));
		}
		DocumentType type = null;
		if (content == null || content.length == 0) {
			violations.add(new FieldViolation("file", "attachment.empty", "is empty"));
		}
		else if (content.length > limits.maxFileBytes()) {
			violations.add(new FieldViolation("file", "attachment.too-large",
					"is larger than " + limits.maxFileBytes() + " bytes"));
		}
		else if (alreadyStored + content.length > limits.maxApplicationBytes()) {
			violations.add(new FieldViolation("file", "attachment.application-total",
					"would take the application over its total of " + limits.maxApplicationBytes() + " bytes"));
		}
		else {
			type = DocumentType.detect(content).orElse(null);
			if (type == null) {
				violations.add(new FieldViolation("file", "attachment.type",
						"is not a PDF, DOCX, XLSX, PNG or JPEG document"));
			}
			else if (name != null && !type.matchesName(name)) {
				violations.add(new FieldViolation("file", "attachment.disguised",
						"content is " + type + " but the name says otherwise"));
			}
		}
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		return new Attachment(AttachmentId.newId(), applicationId, attachmentKind, name, type, content.length,
				sha256(content), uploadedBy, now);
	}

	/** The last path segment without control characters; null when nothing usable is left. */
	static String cleanName(String filename) {
		if (filename == null) {
			return null;
		}
		String name = filename.replace('\\', '/');
		name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "").strip();
		if (name.isEmpty() || name.equals(".") || name.equals("..") || name.length() > MAX_FILENAME) {
			return null;
		}
		return name;
	}

	public static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
