package cn.jiangmen.innovation.platform.attachment;

import java.util.ArrayList;
import java.util.List;

import cn.jiangmen.innovation.platform.error.FieldViolation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The one upload check every service applies, on the files the attachment tests use. */
class CheckedDocumentTest {

	static final AttachmentLimits LIMITS = new AttachmentLimits(1000, 2500);

	@Test
	void acceptsEachTypeByContentWithItsChecksumAndAPlainName() {
		List<FieldViolation> violations = new ArrayList<>();
		CheckedDocument pdf = CheckedDocument.check("C:\\Users\\li\\申报书.pdf", DocumentSamples.pdf(), LIMITS, "proposal",
				0, violations);
		assertThat(violations).isEmpty();
		assertThat(pdf.filename()).isEqualTo("申报书.pdf");
		assertThat(pdf.type()).isEqualTo(DocumentType.PDF);
		assertThat(pdf.sha256()).isEqualTo(CheckedDocument.sha256(DocumentSamples.pdf())).hasSize(64);
		assertThat(CheckedDocument.check("a.docx", DocumentSamples.docx(), LIMITS, "proposal", 0, violations).type())
			.isEqualTo(DocumentType.DOCX);
		assertThat(CheckedDocument.check("a.xlsx", DocumentSamples.xlsx(), LIMITS, "proposal", 0, violations).type())
			.isEqualTo(DocumentType.XLSX);
		assertThat(CheckedDocument.check("a.jpg", DocumentSamples.jpeg(), LIMITS, "proposal", 0, violations).type())
			.isEqualTo(DocumentType.JPEG);
		assertThat(CheckedDocument.check("a.PNG", DocumentSamples.png(), LIMITS, "proposal", 0, violations).type())
			.isEqualTo(DocumentType.PNG);
		assertThat(violations).isEmpty();
	}

	@ParameterizedTest
	@CsvSource({ "report.pdf, docx, attachment.disguised", "cv.docx, xlsx, attachment.disguised",
			"run.pdf, exe, attachment.type", "cv.docx, zip, attachment.type", "big.pdf, big, attachment.too-large",
			"empty.pdf, empty, attachment.empty", "'../', pdf, attachment.filename",
			"a.pdf, total, attachment.milestone-total" })
	void refusesNamingTheFileFieldWithTheOwnersTotal(String filename, String content, String code) {
		byte[] bytes = switch (content) {
			case "pdf", "total" -> DocumentSamples.pdf();
			case "docx" -> DocumentSamples.docx();
			case "xlsx" -> DocumentSamples.xlsx();
			case "exe" -> "MZ....".getBytes();
			case "zip" -> DocumentSamples.zip("a.txt");
			case "big" -> new byte[1001];
			case "empty" -> new byte[0];
			default -> throw new IllegalArgumentException(content);
		};
		long stored = content.equals("total") ? 2500 - bytes.length + 1 : 0;
		List<FieldViolation> violations = new ArrayList<>();
		assertThat(CheckedDocument.check(filename, bytes, LIMITS, "milestone", stored, violations)).isNull();
		assertThat(violations).extracting(FieldViolation::field, FieldViolation::code)
			.contains(org.assertj.core.groups.Tuple.tuple("file", code));
	}

}
