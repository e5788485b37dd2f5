package cn.jiangmen.innovation.talent.domain;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import cn.jiangmen.innovation.platform.error.FieldViolation;
import cn.jiangmen.innovation.platform.error.InvalidInputException;
import cn.jiangmen.innovation.platform.attachment.AttachmentLimits;
import cn.jiangmen.innovation.platform.attachment.DocumentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AttachmentTest {

	static final AttachmentLimits LIMITS = new AttachmentLimits(1000, 2500);

	static final ApplicationId APP = ApplicationId.newId();

	static byte[] pdf() {
		return "%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
	}

	static byte[] png() {
		return new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R' };
	}

	static byte[] jpeg() {
		return new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F' };
	}

	static byte[] zip(String... entries) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			for (String entry : entries) {
				zip.putNextEntry(new ZipEntry(entry));
				zip.write("<x/>".getBytes(StandardCharsets.UTF_8));
				zip.closeEntry();
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return bytes.toByteArray();
	}

	static byte[] docx() {
		return zip("[Content_Types].xml", "_rels/.rels", "word/document.xml");
	}

	static byte[] xlsx() {
		return zip("[Content_Types].xml", "_rels/.rels", "xl/workbook.xml");
	}

	@Test
	void recognisesEveryAcceptedTypeByContent() {
		assertThat(DocumentType.detect(pdf())).contains(DocumentType.PDF);
		assertThat(DocumentType.detect(png())).contains(DocumentType.PNG);
		assertThat(DocumentType.detect(jpeg())).contains(DocumentType.JPEG);
		assertThat(DocumentType.detect(docx())).contains(DocumentType.DOCX);
		assertThat(DocumentType.detect(xlsx())).contains(DocumentType.XLSX);
	}

	@Test
	void refusesOtherContent() {
		assertThat(DocumentType.detect("MZ\u0090\u0000 this is an exe".getBytes(StandardCharsets.ISO_8859_1))).isEmpty();
		assertThat(DocumentType.detect("<html><script>alert(1)</script>".getBytes(StandardCharsets.UTF_8))).isEmpty();
		assertThat(DocumentType.detect(zip("payload.exe"))).as("a plain zip is no Office file").isEmpty();
		assertThat(DocumentType.detect(new byte[] { 'P', 'K', 3, 4, 1, 2 })).as("a broken zip").isEmpty();
		assertThat(DocumentType.detect(new byte[0])).isEmpty();
	}

	@Test
	void acceptsAProperUploadWithItsChecksum() {
		Attachment a = Attachment.accept(APP, "proposal", "C:\\Users\\li\\申报书.pdf", pdf(), LIMITS, 0, "applicant1",
				Instant.EPOCH);
		assertThat(a.kind()).isEqualTo(AttachmentKind.PROPOSAL);
		assertThat(a.filename()).isEqualTo("申报书.pdf");
		assertThat(a.type()).isEqualTo(DocumentType.PDF);
		assertThat(a.size()).isEqualTo(pdf().length);
		assertThat(a.sha256()).isEqualTo(Attachment.sha256(pdf())).hasSize(64);
	}

	@ParameterizedTest
	@CsvSource({ "report.pdf, docx, attachment.disguised", "photo.png, pdf, attachment.disguised",
			"cv.docx, xlsx, attachment.disguised", "run.pdf, exe, attachment.type", "page.pdf, html, attachment.type",
			"cv.docx, zip, attachment.type", "big.pdf, big, attachment.too-large", "empty.pdf, empty, attachment.empty",
			"'../', pdf, attachment.filename" })
	void refusesBadUploadsNamingTheFileField(String filename, String content, String code) {
		byte[] bytes = switch (content) {
			case "pdf" -> pdf();
			case "docx" -> docx();
			case "xlsx" -> xlsx();
			case "exe" -> "MZ....".getBytes(StandardCharsets.US_ASCII);
			case "html" -> "<html>".getBytes(StandardCharsets.US_ASCII);
			case "zip" -> zip("a.txt");
			case "big" -> new byte[1001];
			case "empty" -> new byte[0];
			default -> throw new IllegalArgumentException(content);
		};
		assertThatThrownBy(() -> Attachment.accept(APP, "CV", filename, bytes, LIMITS, 0, "u", Instant.EPOCH))
			.isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(ex.violations())
				.extracting(FieldViolation::field, FieldViolation::code)
				.contains(org.assertj.core.groups.Tuple.tuple("file", code)));
	}

	@Test
	void refusesWhatWouldExceedTheApplicationTotalAndUnknownKinds() {
		assertThatThrownBy(() -> Attachment.accept(APP, "CV", "a.pdf", pdf(), LIMITS, 2500 - pdf().length + 1, "u",
				Instant.EPOCH))
			.isInstanceOfSatisfying(InvalidInputException.class,
					ex -> assertThat(ex.violations().get(0).code()).isEqualTo("attachment.application-total"));
		assertThatThrownBy(() -> Attachment.accept(APP, "PHOTO", "a.pdf", pdf(), LIMITS, 0, "u", Instant.EPOCH))
			.isInstanceOfSatisfying(InvalidInputException.class,
					ex -> assertThat(ex.violations().get(0).field()).isEqualTo("kind"));
	}

	@Test
	void submissionNeedsTheRequiredDocuments() {
		TalentCall call = Fixtures.openCall();
		TalentApplication application = TalentApplication.draft(call, Fixtures.ORG_A, Fixtures.eligibleTeam(),
				Fixtures.DURING);
		assertThatThrownBy(() -> application.submit(call, EnumSet.of(AttachmentKind.CV), Fixtures.DURING))
			.isInstanceOfSatisfying(InvalidInputException.class,
					ex -> assertThat(ex.violations()).extracting(FieldViolation::field)
						.containsExactlyInAnyOrder("attachments.PROPOSAL", "attachments.CONTRACT"));
		assertThat(application.status()).isEqualTo(ApplicationStatus.DRAFT);
	}

}
