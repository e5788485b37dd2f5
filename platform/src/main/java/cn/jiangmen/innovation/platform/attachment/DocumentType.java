package cn.jiangmen.innovation.platform.attachment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import cn.jiangmen.innovation.platform.error.InvalidInputException;

/**
 * The document types accepted as attachments, recognised by their content (magic bytes), never by
 * the name or the declared content type: PDF ({@code %PDF-}), PNG, JPEG, and the Office Open XML
 * formats DOCX and XLSX (a ZIP whose entries include {@code [Content_Types].xml} and the
 * {@code word/} or {@code xl/} part).
 */
public enum DocumentType {

	PDF("application/pdf", List.of("pdf")),
	DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", List.of("docx")),
	XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", List.of("xlsx")),
	PNG("image/png", List.of("png")),
	JPEG("image/jpeg", List.of("jpg", "jpeg"));

	private static final byte[] PDF_MAGIC = { '%', 'P', 'D', 'F', '-' };

	private static final byte[] PNG_MAGIC = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A };

	private static final byte[] JPEG_MAGIC = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF };

	private static final byte[] ZIP_MAGIC = { 'P', 'K', 0x03, 0x04 };

	/*
	 * Zip bombs (ASVS 5.2.3): an Office file is read entry by entry with every inflated byte counted,
	 * never trusting the sizes the archive declares, and refused past any of these bounds. Real DOCX
	 * and XLSX files have tens to hundreds of entries and inflate 3-20 times.
	 */
	static final int MAX_ZIP_ENTRIES = 1000;

	static final long MAX_INFLATED_BYTES = 100L * 1024 * 1024;

	static final int MAX_INFLATION_RATIO = 100;

	private final String contentType;

	private final List<String> extensions;

	DocumentType(String contentType, List<String> extensions) {
		this.contentType = contentType;
		this.extensions = extensions;
	}

	public String contentType() {
		return this.contentType;
	}

	/** Whether a file name's extension belongs to this type (a mismatch is a disguised file). */
	public boolean matchesName(String filename) {
		int dot = filename.lastIndexOf('.');
		return dot >= 0 && this.extensions.contains(filename.substring(dot + 1).toLowerCase(Locale.ROOT));
	}

	/** The type the content really is, or empty when it is none of the accepted ones. */
	public static Optional<DocumentType> detect(byte[] content) {
		if (startsWith(content, PDF_MAGIC)) {
			return Optional.of(PDF);
		}
		if (startsWith(content, PNG_MAGIC)) {
			return Optional.of(PNG);
		}
		if (startsWith(content, JPEG_MAGIC)) {
			return Optional.of(JPEG);
		}
		if (startsWith(content, ZIP_MAGIC)) {
			return officeType(content);
		}
		return Optional.empty();
	}

	private static Optional<DocumentType> officeType(byte[] content) {
		boolean contentTypes = false;
		boolean word = false;
		boolean excel = false;
		long inflated = 0;
		long inflationLimit = Math.min(MAX_INFLATED_BYTES, (long) content.length * MAX_INFLATION_RATIO);
		byte[] buffer = new byte[8192];
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
			ZipEntry entry;
			int entries = 0;
			while ((entry = zip.getNextEntry()) != null) {
				if (++entries > MAX_ZIP_ENTRIES) {
					throw archiveBomb("has more than " + MAX_ZIP_ENTRIES + " entries");
				}
				String name = entry.getName();
				contentTypes |= name.equals("[Content_Types].xml");
				word |= name.equals("word/document.xml");
				excel |= name.equals("xl/workbook.xml");
				for (int read; (read = zip.read(buffer)) > 0;) {
					inflated += read;
					if (inflated > inflationLimit) {
						throw archiveBomb("expands to more than " + inflationLimit + " bytes");
					}
				}
			}
		}
		catch (IOException | IllegalArgumentException ex) {
			return Optional.empty();
		}
		if (contentTypes && word && !excel) {
			return Optional.of(DOCX);
		}
		if (contentTypes && excel && !word) {
			return Optional.of(XLSX);
		}
		return Optional.empty();
	}

	private static InvalidInputException archiveBomb(String why) {
		return new InvalidInputException("file", "attachment.archive-bomb", "is an archive that " + why);
	}

	private static boolean startsWith(byte[] content, byte[] magic) {
		return content.length >= magic.length && Arrays.equals(content, 0, magic.length, magic, 0, magic.length);
	}

}
