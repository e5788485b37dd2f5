package cn.jiangmen.innovation.platform.attachment;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import cn.jiangmen.innovation.platform.error.DependencyUnavailableException;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The bytes of attachments in the service's own PostgreSQL, one row per attachment in a
 * {@code <table> (attachment_id uuid primary key references <metadata>(id) on delete cascade,
 * content bytea not null)}. Written in the transaction that inserts the metadata row, so a document
 * exists with its bytes or not at all, every replica reads it, and removing the metadata row (or
 * its owner) removes the bytes by the cascade: no files to clean up after a commit or a rollback.
 * bytea is read whole; the per-file limit (10 MB by default) keeps that small.
 */
public class JdbcAttachmentContents {

	private static final Pattern TABLE = Pattern.compile("^[a-z][a-z0-9_]{0,62}$");

	private final JdbcClient jdbc;

	private final String table;

	/** @param table the content table; a plain lower-case SQL name (it is put into the statements) */
	public JdbcAttachmentContents(JdbcClient jdbc, String table) {
		if (!TABLE.matcher(table).matches()) {
			throw new IllegalArgumentException("Not a plain table name: " + table);
		}
		this.jdbc = jdbc;
		this.table = table;
	}

	/** Stores the bytes of a new attachment; joins the caller's transaction. */
	public void put(UUID attachmentId, byte[] content) {
		this.jdbc.sql("insert into " + this.table + " (attachment_id, content) values (:id, :content)")
			.param("id", attachmentId)
			.param("content", content)
			.update();
	}

	/** Stores the bytes unless some are stored already (moving old files in, on every replica). */
	public boolean putIfAbsent(UUID attachmentId, byte[] content) {
		return this.jdbc.sql("insert into " + this.table + " (attachment_id, content) values (:id, :content)"
				+ " on conflict (attachment_id) do nothing")
			.param("id", attachmentId)
			.param("content", content)
			.update() == 1;
	}

	public Optional<byte[]> find(UUID attachmentId) {
		return this.jdbc.sql("select content from " + this.table + " where attachment_id = :id")
			.param("id", attachmentId)
			.query((rs, row) -> rs.getBytes(1))
			.optional();
	}

	/**
	 * The bytes of an attachment whose metadata was found. None can be missing only for a document
	 * uploaded before the bytes moved into PostgreSQL whose old file has not been brought in yet
	 * (no replica holding it has started since): 503, as the store is what is not there.
	 */
	public byte[] require(UUID attachmentId) {
		return find(attachmentId).orElseThrow(() -> new DependencyUnavailableException("attachment-content",
				"The content of attachment " + attachmentId + " has not been moved into the database yet", null));
	}

}
