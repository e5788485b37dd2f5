package cn.jiangmen.innovation.platform.attachment;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import cn.jiangmen.innovation.platform.error.FieldViolation;
import cn.jiangmen.innovation.platform.error.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** DOCX-shaped archives that expand without bound (ASVS 5.2.3) and file names that lie about themselves. */
class ArchiveBombTest {

	static final AttachmentLimits LIMITS = new AttachmentLimits(50L * 1024 * 1024, 50L * 1024 * 1024);

	@Test
	void anEntryThatInflatesPastTheRatioIsRefusedWithoutReadingItAll() {
		byte[] bomb = docxWith("word/document.xml", 20 * 1024 * 1024, true);
		assertThat(bomb.length).isLessThan(100_000);
		assertRefused(bomb, "attachment.archive-bomb");
	}

	@Test
	void tooManyEntriesAreRefused() {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
			zip.putNextEntry(new ZipEntry("word/document.xml"));
			for (int i = 0; i < DocumentType.MAX_ZIP_ENTRIES; i++) {
				zip.putNextEntry(new ZipEntry("word/media/" + i + ".xml"));
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		assertRefused(bytes.toByteArray(), "attachment.archive-bomb");
	}

	@Test
	void anOrdinaryDocxStillPasses() {
		byte[] docx = docxWith("word/document.xml", 64 * 1024, false);
		assertThat(DocumentType.detect(docx)).contains(DocumentType.DOCX);
	}

	@Test
	void aNameWithARightToLeftOverrideIsRefusedNotCleaned() {
		List<FieldViolation> violations = new ArrayList<>();
		byte[] pdf = "%PDF-1.7\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
		assertThat(CheckedDocument.check("cv\u202Efdp.docx", pdf, LIMITS, "application", 0, violations)).isNull();
		assertThat(violations).extracting(FieldViolation::field, FieldViolation::code)
			.contains(org.assertj.core.groups.Tuple.tuple("file", "attachment.filename"));
	}

	@Test
	void theDetectorItselfThrowsOnABombSoNoCallerCanForgetTheBounds() {
		byte[] bomb = docxWith("word/document.xml", 20 * 1024 * 1024, true);
		assertThatThrownBy(() -> DocumentType.detect(bomb)).isInstanceOf(InvalidInputException.class);
	}

	private static void assertRefused(byte[] content, String code) {
		List<FieldViolation> violations = new ArrayList<>();
		assertThat(CheckedDocument.check("cv.docx", content, LIMITS, "application", 0, violations)).isNull();
		assertThat(violations).extracting(FieldViolation::field, FieldViolation::code)
			.contains(org.assertj.core.groups.Tuple.tuple("file", code));
	}

	/** A DOCX-shaped zip whose main entry is {@code size} bytes of one letter (a bomb) or of varied text. */
	private static byte[] docxWith(String big, int size, boolean bomb) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
			zip.write("<Types/>".getBytes());
			zip.putNextEntry(new ZipEntry(big));
			byte[] chunk = new byte[8192];
			java.util.Random random = new java.util.Random(7);
			for (int written = 0; written < size; written += chunk.length) {
				for (int i = 0; i < chunk.length; i++) {
					chunk[i] = bomb ? (byte) 'a' : (byte) ('a' + random.nextInt(26));
				}
				zip.write(chunk);
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return bytes.toByteArray();
	}

}
