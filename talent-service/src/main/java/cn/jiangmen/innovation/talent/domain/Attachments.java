package cn.jiangmen.innovation.talent.domain;

import java.util.List;
import java.util.Optional;

/**
 * Attachment records with their bytes, both in the service's database: a record is added with its
 * content in one transaction, and removing it (or its application) removes the content too.
 */
public interface Attachments {

	void add(Attachment attachment, byte[] content);

	List<Attachment> ofApplication(ApplicationId applicationId);

	Optional<Attachment> find(ApplicationId applicationId, AttachmentId id);

	/** Any application's attachment: for moving the old folder's files in, where only the id is known. */
	Optional<Attachment> find(AttachmentId id);

	/** The bytes; a 503 (platform's DependencyUnavailableException) for an old record not moved in yet. */
	byte[] content(AttachmentId id);

	/** Adds the bytes of an old record that has none yet; false when it has them already. */
	boolean addMissingContent(AttachmentId id, byte[] content);

	void remove(AttachmentId id);

	long totalSize(ApplicationId applicationId);

}
