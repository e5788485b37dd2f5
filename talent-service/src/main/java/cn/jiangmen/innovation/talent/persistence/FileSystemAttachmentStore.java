package cn.jiangmen.innovation.talent.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import cn.jiangmen.innovation.talent.domain.AttachmentId;
import cn.jiangmen.innovation.talent.domain.AttachmentStore;

/**
 * Attachment bytes as files named by their id (no user-supplied name ever reaches the file
 * system) in one directory outside the web root. Written to a temporary file and moved into place,
 * so a reader never sees half a file. For several replicas the directory must be shared storage
 * (a ReadWriteMany volume) or this class replaced by an object store.
 */
public class FileSystemAttachmentStore implements AttachmentStore {

	private final Path directory;

	public FileSystemAttachmentStore(Path directory) {
		try {
			this.directory = Files.createDirectories(directory.toAbsolutePath().normalize());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create the attachment directory " + directory, ex);
		}
	}

	public Path directory() {
		return this.directory;
	}

	@Override
	public void put(AttachmentId id, byte[] content) {
		try {
			Path temporary = Files.createTempFile(this.directory, "upload-", ".part");
			Files.write(temporary, content);
			Files.move(temporary, path(id), StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot store attachment " + id, ex);
		}
	}

	@Override
	public InputStream open(AttachmentId id) {
		try {
			return Files.newInputStream(path(id));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read attachment " + id, ex);
		}
	}

	@Override
	public void delete(AttachmentId id) {
		try {
			Files.deleteIfExists(path(id));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot delete attachment " + id, ex);
		}
	}

	private Path path(AttachmentId id) {
		return this.directory.resolve(id.value().toString());
	}

}
