package cn.jiangmen.innovation.project.persistence.document;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import cn.jiangmen.innovation.platform.attachment.DocumentType;
import cn.jiangmen.innovation.platform.attachment.JdbcAttachmentContents;
import cn.jiangmen.innovation.project.domain.document.ProjectDocument;
import cn.jiangmen.innovation.project.domain.document.ProjectDocuments;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Document metadata in {@code <table>} with the owner in {@code <ownerColumn>}, the bytes in
 * {@code <table>_content} (platform's {@link JdbcAttachmentContents}). Table and column names are
 * fixed by the subclasses, never taken from input.
 */
abstract class JdbcProjectDocuments implements ProjectDocuments {

	private final JdbcClient jdbc;

	private final JdbcAttachmentContents contents;

	private final String table;

	private final String ownerColumn;

	private final String ownerTable;

	private final String columns;

	JdbcProjectDocuments(JdbcClient jdbc, String table, String ownerColumn, String ownerTable) {
		this.jdbc = jdbc;
		this.table = table;
		this.ownerColumn = ownerColumn;
		this.ownerTable = ownerTable;
		this.contents = new JdbcAttachmentContents(jdbc, table + "_content");
		this.columns = "id, " + ownerColumn + ", requirement, filename, document_type, size_bytes, sha256, uploaded_by,"
				+ " uploaded_at";
	}

	@Override
	public boolean lockOwner(UUID ownerId) {
		return this.jdbc.sql("select id from " + this.ownerTable + " where id = :id for update")
			.param("id", ownerId)
			.query(UUID.class)
			.optional()
			.isPresent();
	}

	@Override
	public void add(ProjectDocument d, byte[] content) {
		this.jdbc.sql("insert into " + this.table + " (" + this.columns + ") values (:id, :owner, :requirement,"
				+ " :filename, :type, :size, :sha256, :by, :at)")
			.param("id", d.id())
			.param("owner", d.ownerId())
			.param("requirement", d.requirement())
			.param("filename", d.filename())
			.param("type", d.type().name())
			.param("size", d.size())
			.param("sha256", d.sha256())
			.param("by", d.uploadedBy())
			.param("at", Timestamp.from(d.uploadedAt()))
			.update();
		this.contents.put(d.id(), content);
	}

	@Override
	public List<ProjectDocument> of(UUID ownerId) {
		return this.jdbc.sql("select " + this.columns + " from " + this.table + " where " + this.ownerColumn
				+ " = :owner order by uploaded_at, id")
			.param("owner", ownerId)
			.query(this::map)
			.list();
	}

	@Override
	public Optional<ProjectDocument> find(UUID ownerId, UUID id) {
		return this.jdbc.sql("select " + this.columns + " from " + this.table + " where id = :id and "
				+ this.ownerColumn + " = :owner")
			.param("id", id)
			.param("owner", ownerId)
			.query(this::map)
			.optional();
	}

	@Override
	public byte[] content(UUID id) {
		return this.contents.require(id);
	}

	@Override
	public void remove(UUID id) {
		this.jdbc.sql("delete from " + this.table + " where id = :id").param("id", id).update();
	}

	@Override
	public long totalSize(UUID ownerId) {
		return this.jdbc.sql("select coalesce(sum(size_bytes), 0) from " + this.table + " where " + this.ownerColumn
				+ " = :owner")
			.param("owner", ownerId)
			.query(Long.class)
			.single();
	}

	private ProjectDocument map(ResultSet rs, int row) throws SQLException {
		return new ProjectDocument(rs.getObject("id", UUID.class), rs.getObject(this.ownerColumn, UUID.class),
				rs.getString("requirement"), rs.getString("filename"), DocumentType.valueOf(rs.getString("document_type")),
				rs.getLong("size_bytes"), rs.getString("sha256"), rs.getString("uploaded_by"),
				rs.getTimestamp("uploaded_at").toInstant());
	}

}
