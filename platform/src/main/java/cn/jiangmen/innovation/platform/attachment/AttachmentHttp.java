package cn.jiangmen.innovation.platform.attachment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.HexFormat;

import cn.jiangmen.innovation.platform.error.InvalidInputException;
import cn.jiangmen.innovation.platform.web.ContentDispositions;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.multipart.MultipartFile;

/** The REST side of attachments, the same for every service: reading a multipart upload, serving a download. */
public final class AttachmentHttp {

	private AttachmentHttp() {
	}

	/** The bytes of the multipart part {@code file}; a request without one is a 400 naming {@code file}. */
	public static byte[] content(MultipartFile file) {
		if (file == null) {
			throw new InvalidInputException(CheckedDocument.FIELD, "required", "must be a file part named file");
		}
		try {
			return file.getBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A download that no browser renders in the page: {@code Content-Disposition: attachment} with a
	 * safe name, {@code nosniff}, {@code Content-Security-Policy: sandbox} (a PDF or image opened
	 * anyway runs no script with the site's origin), {@code private, no-store}, and the stored
	 * SHA-256 as {@code Repr-Digest} (RFC 9530) so a client can verify what it got. A {@link Resource}
	 * body, so the OpenAPI document describes it as binary, not as base64 text.
	 */
	public static ResponseEntity<Resource> download(String filename, DocumentType type, String sha256, byte[] content) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(type.contentType()))
			.contentLength(content.length)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDispositions.attachment(filename))
			.header("X-Content-Type-Options", "nosniff")
			.header("Content-Security-Policy", "sandbox")
			.header(HttpHeaders.CACHE_CONTROL, "private, no-store")
			.header("Repr-Digest", "sha-256=:" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha256)) + ":")
			.body(new ByteArrayResource(content));
	}

}
