package cn.jiangmen.innovation.talent.grpc;

import cn.jiangmen.innovation.contracts.talent.v1.TalentAttachment;
import cn.jiangmen.innovation.talent.domain.Attachment;
import cn.jiangmen.innovation.talent.domain.AttachmentKind;

import static cn.jiangmen.innovation.platform.grpc.ProtoTimes.timestamp;

/** An application's documents as talent.v1 messages. */
final class AttachmentMapper {

	private AttachmentMapper() {
	}

	static TalentAttachment attachment(Attachment a) {
		return TalentAttachment.newBuilder()
			.setAttachmentId(a.id().toString())
			.setKind(kind(a.kind()))
			.setFilename(a.filename())
			.setContentType(a.type().contentType())
			.setSizeBytes(a.size())
			.setSha256(a.sha256())
			.setUploadedAt(timestamp(a.uploadedAt()))
			.build();
	}

	static String kind(AttachmentKind kind) {
		return kind.name();
	}

}
