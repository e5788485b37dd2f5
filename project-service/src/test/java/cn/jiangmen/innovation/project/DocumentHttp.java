package cn.jiangmen.innovation.project;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Multipart uploads and byte-exact downloads for the document tests (HttpProbe reads bodies as text). */
public final class DocumentHttp {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String baseUrl;

	public DocumentHttp(int port) {
		this.baseUrl = "http://localhost:" + port;
	}

	public record Reply(int status, java.net.http.HttpHeaders headers, byte[] body) {

		public JsonNode json() {
			return JSON.readTree(this.body);
		}

		public String text() {
			return new String(this.body, StandardCharsets.UTF_8);
		}

		public String header(String name) {
			return this.headers.firstValue(name).orElse(null);
		}

		/** A problem's errors as "field:code". */
		public List<String> errors() {
			List<String> errors = new ArrayList<>();
			json().get("errors").forEach(e -> errors.add(e.get("field").asString() + ":" + e.get("code").asString()));
			return errors;
		}

	}

	/** POSTs {@code file} (and {@code requirement} when not null) as multipart/form-data. */
	public Reply upload(String path, String token, String requirement, String filename, byte[] content) {
		String boundary = "----project" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		if (requirement != null) {
			write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"requirement\"\r\n"
					+ "Content-Type: text/plain; charset=UTF-8\r\n\r\n" + requirement + "\r\n");
		}
		write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
		body.writeBytes(content);
		write(body, "\r\n--" + boundary + "--\r\n");
		return send(request(path, token).header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build());
	}

	public Reply get(String path, String token) {
		return send(request(path, token).GET().build());
	}

	public Reply delete(String path, String token) {
		return send(request(path, token).DELETE().build());
	}

	private HttpRequest.Builder request(String path, String token) {
		return HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Bearer " + token);
	}

	private Reply send(HttpRequest request) {
		try {
			HttpResponse<byte[]> response = this.client.send(request, HttpResponse.BodyHandlers.ofByteArray());
			return new Reply(response.statusCode(), response.headers(), response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static void write(ByteArrayOutputStream out, String text) {
		out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
	}

	/** A small PDF; {@code size} pads it (at least the header's length). */
	public static byte[] pdf(int size) {
		byte[] head = "%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
		byte[] bytes = new byte[Math.max(size, head.length)];
		System.arraycopy(head, 0, bytes, 0, head.length);
		return bytes;
	}

	/** A zip shaped as a DOCX, or as an XLSX. */
	public static byte[] office(boolean word) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			for (String entry : List.of("[Content_Types].xml", "_rels/.rels", word ? "word/document.xml" : "xl/workbook.xml")) {
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

	/** A DOCX-shaped zip whose document inflates to 20 MB of one letter. */
	public static byte[] zipBomb() {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
			zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
			zip.putNextEntry(new ZipEntry("word/document.xml"));
			byte[] chunk = new byte[8192];
			java.util.Arrays.fill(chunk, (byte) 'a');
			for (int written = 0; written < 20 * 1024 * 1024; written += chunk.length) {
				zip.write(chunk);
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return bytes.toByteArray();
	}

}
