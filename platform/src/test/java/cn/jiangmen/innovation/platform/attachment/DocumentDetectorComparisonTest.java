package cn.jiangmen.innovation.platform.attachment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import cn.jiangmen.innovation.platform.error.InvalidInputException;
import org.apache.tika.detect.DefaultDetector;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Apache Tika's core (tika-core 3.3.1, its default detector: magic bytes and name globs from
 * tika-mimetypes.xml) against the hand-written {@link DocumentType#detect} on the files the
 * attachment tests use. Writes the table to {@code target/detector-comparison.md}; the assertions
 * are the reasons platform keeps its own detector (platform/README.md).
 */
class DocumentDetectorComparisonTest {

	private final Detector tika = new DefaultDetector();

	@Test
	void comparesBothDetectorsOnTheTestFiles() throws IOException {
		StringBuilder table = new StringBuilder("| sample | hand-written | tika-core (content) |\n|---|---|---|\n");
		for (Map.Entry<String, byte[]> sample : DocumentSamples.all().entrySet()) {
			table.append("| ").append(sample.getKey()).append(" | ").append(handWritten(sample.getValue()))
				.append(" | ").append(tika(sample.getValue(), null)).append(" |\n");
		}
		Path report = Path.of("target", "detector-comparison.md");
		Files.createDirectories(report.getParent());
		Files.writeString(report, table);
		System.out.println(table);
	}

	@Test
	void bothRecogniseTheSingleSignatureTypes() {
		assertThat(tika(DocumentSamples.pdf(), null)).isEqualTo(DocumentType.PDF.contentType());
		assertThat(tika(DocumentSamples.png(), null)).isEqualTo(DocumentType.PNG.contentType());
		assertThat(tika(DocumentSamples.jpeg(), null)).isEqualTo(DocumentType.JPEG.contentType());
		assertThat(DocumentType.detect(DocumentSamples.pdf())).contains(DocumentType.PDF);
		assertThat(DocumentType.detect(DocumentSamples.png())).contains(DocumentType.PNG);
		assertThat(DocumentType.detect(DocumentSamples.jpeg())).contains(DocumentType.JPEG);
	}

	/** tika-core alone does not open the archive: DOCX and XLSX are one and the same type to it. */
	@Test
	void tikaCoreCannotTellDocxFromXlsxByContent() {
		String docx = tika(DocumentSamples.docx(), null);
		assertThat(tika(DocumentSamples.xlsx(), null)).isEqualTo(docx);
		assertThat(docx).isNotIn(DocumentType.DOCX.contentType(), DocumentType.XLSX.contentType());
		assertThat(DocumentType.detect(DocumentSamples.docx())).contains(DocumentType.DOCX);
		assertThat(DocumentType.detect(DocumentSamples.xlsx())).contains(DocumentType.XLSX);
	}

	/** Given the uploaded name, Tika refines by the name: a spreadsheet named .docx would pass as one. */
	@Test
	void withTheNameTikaBelievesTheNameWhereTheContentIsAmbiguous() {
		assertThat(tika(DocumentSamples.xlsx(), "report.docx")).isEqualTo(DocumentType.DOCX.contentType());
		assertThat(DocumentType.detect(DocumentSamples.xlsx()).orElseThrow().matchesName("report.docx")).isFalse();
	}

	/** Neither inflates a bomb while detecting; only the hand-written one refuses it (ASVS 5.2.3). */
	@Test
	void onlyTheHandWrittenDetectorRefusesAZipBomb() {
		byte[] bomb = DocumentSamples.bomb(20 * 1024 * 1024);
		assertThat(handWritten(bomb)).isEqualTo("refused: archive bomb");
		assertThat(tika(bomb, null)).isEqualTo(tika(DocumentSamples.docx(), null));
	}

	private static String handWritten(byte[] content) {
		try {
			Optional<DocumentType> type = DocumentType.detect(content);
			return type.map(DocumentType::contentType).orElse("refused");
		}
		catch (InvalidInputException ex) {
			return "refused: archive bomb";
		}
	}

	private String tika(byte[] content, String name) {
		Metadata metadata = new Metadata();
		if (name != null) {
			metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, name);
		}
		try (TikaInputStream in = TikaInputStream.get(content)) {
			return this.tika.detect(in, metadata).toString();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
