package cn.jiangmen.innovation.project.domain.document;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Documents of one kind of owner, with their bytes, in the service's database: a document is added
 * with its content in one transaction, and removing it (or its owner) removes the content too.
 */
public interface ProjectDocuments {

	/**
	 * Locks the owner's row for the rest of the transaction, so that concurrent uploads are checked
	 * against the owner's total one after another; false when there is no such owner.
	 */
	boolean lockOwner(UUID ownerId);

	void add(ProjectDocument document, byte[] content);

	/** In upload order. */
	List<ProjectDocument> of(UUID ownerId);

	Optional<ProjectDocument> find(UUID ownerId, UUID id);

	byte[] content(UUID id);

	void remove(UUID id);

	long totalSize(UUID ownerId);

}
