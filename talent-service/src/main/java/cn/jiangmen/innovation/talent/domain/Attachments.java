package cn.jiangmen.innovation.talent.domain;

import java.util.List;
import java.util.Optional;

/** Attachment records (metadata); the bytes live in an {@link AttachmentStore}. */
public interface Attachments {

	void add(Attachment attachment);

	List<Attachment> ofApplication(ApplicationId applicationId);

	Optional<Attachment> find(ApplicationId applicationId, AttachmentId id);

	void remove(AttachmentId id);

	long totalSize(ApplicationId applicationId);

}
