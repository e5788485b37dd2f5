package cn.jiangmen.innovation.platform.attachment;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import cn.jiangmen.innovation.platform.error.FieldViolation;
import cn.jiangmen.innovation.platform.error.InvalidInputException;
import cn.jiangmen.innovation.platform.json.SafeText;

/**
 * An uploaded file that passed every check a service applies before storing a byte: a plain file
 * name, not empty, within the per-file limit and the owner's total, content that really is an
 * accepted {@link DocumentType} (magic bytes and, for Office files, the archive read under
 * zip-bomb bounds) and matches the name's extension. Framework-free, so a service's domain uses it.
 *
 * <p>Every violation is named {@code file} with a stable code (the portal translates the codes):
 * {@code attachment.filename}, {@code attachment.empty}, {@code attachment.too-large},
 * {@code attachment.<owner>-total}, {@code attachment.type}, {@code attachment.disguised},
 * {@code attachment.archive-bomb}.
 */
public record CheckedDocument(String filename, DocumentType type, long size, String sha256) {

	public static final int MAX_FILENAME = 200;

	public static final String FIELD = "file";

	/**
	 * Checks {@code content} uploaded as {@code filename}; adds what is wrong to
	 * {@code violations} and answers null then.
	 * @param owner what the total limit is for, in the code and message ({@code application},
	 * {@code proposal}, {@code milestone})
	 * @param alreadyStored bytes the owner holds already (read under the owner's lock)
	 */
	public static CheckedDocument check(String filename, byte[] content, AttachmentLimits limits, String owner,
			long alreadyStored, List<FieldViolation> violations) {
		int before = violations.size();
		String name = cleanName(filename);
		String unsafe = filename == null ? null : SafeText.problem(filename);
		if (unsafe != null) {
			// "invoice<U+202E>fdp.exe" shows as "invoiceexe.pdf": refused, not silently cleaned
			violations.add(new FieldViolation(FIELD, "attachment.filename", "name " + unsafe));
		}
		else if (name == null) {
			violations.add(new FieldViolation(FIELD, "attachment.filename",
					"needs a plain file name of at most " + MAX_FILENAME + " characters"));
		}
		DocumentType type = null;
		if (content == null || content.length == 0) {
			violations.add(new FieldViolation(FIELD, "attachment.empty", "is empty"));
		}
		else if (content.length > limits.maxFileBytes()) {
			violations.add(new FieldViolation(FIELD, "attachment.too-large",
					"is larger than " + limits.maxFileBytes() + " bytes"));
		}
		else if (alreadyStored + content.length > limits.maxTotalBytes()) {
			violations.add(new FieldViolation(FIELD, "attachment." + owner + "-total",
					"would take the " + owner + " over its total of " + limits.maxTotalBytes() + " bytes"));
		}
		else {
			try {
				type = DocumentType.detect(content).orElse(null);
			}
			catch (InvalidInputException bomb) {
				violations.addAll(bomb.violations());
				return null;
			}
			if (type == null) {
				violations.add(new FieldViolation(FIELD, "attachment.type",
						"is not a PDF, DOCX, XLSX, PNG or JPEG document"));
			}
			else if (name != null && !type.matchesName(name)) {
				violations.add(new FieldViolation(FIELD, "attachment.disguised",
						"content is " + type + " but the name says otherwise"));
			}
		}
		if (violations.size() > before) {
			return null;
		}
		return new CheckedDocument(name, type, content.length, sha256(content));
	}

	/** The last path segment without control characters; null when nothing usable is left. */
	public static String cleanName(String filename) {
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

	/** Lower-case hex SHA-256, as stored and sent as Repr-Digest. */
	public static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
