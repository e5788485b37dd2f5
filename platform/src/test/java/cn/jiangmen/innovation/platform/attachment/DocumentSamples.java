package cn.jiangmen.innovation.platform.attachment;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** The files the attachment tests have always used (talent's AttachmentTest, ArchiveBombTest), in one place. */
final class DocumentSamples {

	private DocumentSamples() {
	}

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

	/** A DOCX-shaped zip whose main entry is {@code size} bytes of one letter: 20 MB in well under 100 kB. */
	static byte[] bomb(int size) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
			zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
			zip.putNextEntry(new ZipEntry("word/document.xml"));
			byte[] chunk = new byte[8192];
			java.util.Arrays.fill(chunk, (byte) 'a');
			for (int written = 0; written < size; written += chunk.length) {
				zip.write(chunk);
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return bytes.toByteArray();
	}

	/** A real-looking DOCX body of varied text, which must still pass. */
	static byte[] ordinaryDocx(int size) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
			zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
			zip.putNextEntry(new ZipEntry("word/document.xml"));
			Random random = new Random(7);
			byte[] chunk = new byte[8192];
			for (int written = 0; written < size; written += chunk.length) {
				for (int i = 0; i < chunk.length; i++) {
					chunk[i] = (byte) ('a' + random.nextInt(26));
				}
				zip.write(chunk);
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return bytes.toByteArray();
	}

	/** Every sample by name, in the order the comparison reports them. */
	static Map<String, byte[]> all() {
		Map<String, byte[]> samples = new LinkedHashMap<>();
		samples.put("pdf", pdf());
		samples.put("png", png());
		samples.put("jpeg", jpeg());
		samples.put("docx", docx());
		samples.put("xlsx", xlsx());
		samples.put("docx (64 kB of text)", ordinaryDocx(64 * 1024));
		samples.put("exe", "MZ\u0090\u0000 this is an exe".getBytes(StandardCharsets.ISO_8859_1));
		samples.put("html", "<html><script>alert(1)</script>".getBytes(StandardCharsets.UTF_8));
		samples.put("plain zip", zip("payload.exe"));
		samples.put("broken zip", new byte[] { 'P', 'K', 3, 4, 1, 2 });
		samples.put("empty", new byte[0]);
		samples.put("zip bomb (docx-shaped)", bomb(20 * 1024 * 1024));
		return samples;
	}

}
