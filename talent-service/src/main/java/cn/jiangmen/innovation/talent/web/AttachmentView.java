package cn.jiangmen.innovation.talent.web;

import java.time.Instant;
import java.util.UUID;

import cn.jiangmen.innovation.talent.domain.Attachment;

/** Attachment metadata; {@code sha256} lets a reader verify the download. */
public record AttachmentView(UUID id, String kind, String filename, String contentType, long size, String sha256,
		String uploadedBy, Instant uploadedAt) {

	static AttachmentView of(Attachment a) {
		return new AttachmentView(a.id().value(), a.kind().name(), a.filename(), a.type().contentType(), a.size(),
				a.sha256(), a.uploadedBy(), a.uploadedAt());
	}

}
