package cn.jiangmen.innovation.talent.application;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import cn.jiangmen.innovation.platform.attachment.CheckedDocument;
import cn.jiangmen.innovation.talent.domain.Attachment;
import cn.jiangmen.innovation.talent.domain.AttachmentId;
import cn.jiangmen.innovation.talent.domain.Attachments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves the files of the old folder store (one file per attachment, named by its id) into the
 * database. Run on start by every replica that still has such a folder: each replica brings in
 * what only it holds, so after all have started once, every replica serves every document. A file
 * is taken only for a record without bytes and only when its SHA-256 is the one recorded at the
 * upload; it is deleted once its bytes are committed. Anything else stays in the folder, logged.
 */
@Service
public class AttachmentFolderImport {

	private static final Logger log = LoggerFactory.getLogger(AttachmentFolderImport.class);

	/** What one pass did: files moved in, files whose bytes the database had already, files left. */
	public record Result(int moved, int alreadyStored, List<String> left) {
	}

	private final Attachments attachments;

	private final TransactionTemplate transactions;

	public AttachmentFolderImport(Attachments attachments, TransactionTemplate transactions) {
		this.attachments = attachments;
		this.transactions = transactions;
	}

	public Result importFolder(Path directory) {
		if (!Files.isDirectory(directory)) {
			return new Result(0, 0, List.of());
		}
		int moved = 0;
		int already = 0;
		List<String> left = new java.util.ArrayList<>();
		List<Path> files;
		try (Stream<Path> listing = Files.list(directory)) {
			files = listing.filter(Files::isRegularFile).sorted().toList();
		}
		catch (IOException ex) {
			log.error("Cannot list the old attachment folder {}", directory, ex);
			return new Result(0, 0, List.of(directory.toString()));
		}
		for (Path file : files) {
			switch (importFile(file)) {
				case MOVED -> moved++;
				case ALREADY_STORED -> already++;
				case LEFT -> left.add(file.getFileName().toString());
			}
		}
		if (moved + already > 0 || !left.isEmpty()) {
			log.info("Old attachment folder {}: {} files moved into the database, {} were there already, {} left: {}",
					directory, moved, already, left.size(), left);
		}
		return new Result(moved, already, List.copyOf(left));
	}

	private enum Outcome {

		MOVED, ALREADY_STORED, LEFT

	}

	private Outcome importFile(Path file) {
		Optional<AttachmentId> id = idOf(file.getFileName().toString());
		Optional<Attachment> attachment = id.flatMap(this.attachments::find);
		if (attachment.isEmpty()) {
			log.warn("Old attachment file {} names no attachment record; left in place", file);
			return Outcome.LEFT;
		}
		byte[] content;
		try {
			content = Files.readAllBytes(file);
		}
		catch (IOException ex) {
			log.warn("Cannot read old attachment file {}; left in place", file, ex);
			return Outcome.LEFT;
		}
		if (!CheckedDocument.sha256(content).equals(attachment.get().sha256())) {
			log.warn("Old attachment file {} does not have the SHA-256 recorded at its upload; left in place", file);
			return Outcome.LEFT;
		}
		Boolean added = this.transactions.execute(status -> this.attachments.addMissingContent(id.get(), content));
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			log.warn("Old attachment file {} is in the database now but could not be deleted", file, ex);
		}
		return Boolean.TRUE.equals(added) ? Outcome.MOVED : Outcome.ALREADY_STORED;
	}

	private static Optional<AttachmentId> idOf(String name) {
		try {
			return Optional.of(new AttachmentId(UUID.fromString(name)));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

}
