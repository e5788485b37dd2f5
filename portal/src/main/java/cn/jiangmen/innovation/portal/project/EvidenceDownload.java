package cn.jiangmen.innovation.portal.project;

import cn.jiangmen.innovation.contracts.project.v1.ProjectDocument;
import cn.jiangmen.innovation.platform.web.ContentDispositions;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A document's bytes as a download that a browser never renders in the portal's origin: attachment,
 * {@code nosniff}, a sandbox CSP, not cached (the proposal documents are served the same way).
 */
public final class EvidenceDownload {

	private EvidenceDownload() {
	}

	public static ResponseEntity<byte[]> of(ProjectDocument document, byte[] content) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(document.getContentType().isEmpty() ? "application/octet-stream"
					: document.getContentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDispositions.attachment(document.getFilename()))
			.header("X-Content-Type-Options", "nosniff")
			.header("Content-Security-Policy", "sandbox")
			.header(HttpHeaders.CACHE_CONTROL, "private, no-store")
			.body(content);
	}

}
