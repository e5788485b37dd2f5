package cn.jiangmen.innovation.talent.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import cn.jiangmen.innovation.platform.attachment.DocumentType;
import cn.jiangmen.innovation.platform.attachment.JdbcAttachmentContents;
import cn.jiangmen.innovation.talent.domain.ApplicationId;
import cn.jiangmen.innovation.talent.domain.Attachment;
import cn.jiangmen.innovation.talent.domain.AttachmentId;
import cn.jiangmen.innovation.talent.domain.AttachmentKind;
import cn.jiangmen.innovation.talent.domain.Attachments;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcAttachments implements Attachments {

	private static final String COLUMNS = "id, application_id, kind, filename, document_type, size_bytes, sha256,"
			+ " uploaded_by, uploaded_at";

	private final JdbcClient jdbc;

	private final JdbcAttachmentContents contents;

	JdbcAttachments(JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.contents = new JdbcAttachmentContents(jdbc, "talent_attachment_content");
	}

	@Override
	public void add(Attachment a, byte[] content) {
		this.jdbc.sql("insert into talent_attachment (" + COLUMNS + ") values (:id, :application, :kind, :filename,"
				+ " :type, :size, :sha256, :by, :at)")
			.param("id", a.id().value())
			.param("application", a.applicationId().value())
			.param("kind", a.kind().name())
			.param("filename", a.filename())
			.param("type", a.type().name())
			.param("size", a.size())
			.param("sha256", a.sha256())
			.param("by", a.uploadedBy())
			.param("at", Timestamp.from(a.uploadedAt()))
			.update();
		this.contents.put(a.id().value(), content);
	}

	@Override
	public Optional<Attachment> find(AttachmentId id) {
		return this.jdbc.sql("select " + COLUMNS + " from talent_attachment where id = :id")
			.param("id", id.value())
			.query(JdbcAttachments::map)
			.optional();
	}

	@Override
	public byte[] content(AttachmentId id) {
		return this.contents.require(id.value());
	}

	@Override
	public boolean addMissingContent(AttachmentId id, byte[] content) {
		return this.contents.putIfAbsent(id.value(), content);
	}

	@Override
	public List<Attachment> ofApplication(ApplicationId applicationId) {
		return this.jdbc.sql("select " + COLUMNS + " from talent_attachment where application_id = :application"
				+ " order by uploaded_at, id")
			.param("application", applicationId.value())
			.query(JdbcAttachments::map)
			.list();
	}

	@Override
	public Optional<Attachment> find(ApplicationId applicationId, AttachmentId id) {
		return this.jdbc.sql("select " + COLUMNS + " from talent_attachment where id = :id"
				+ " and application_id = :application")
			.param("id", id.value())
			.param("application", applicationId.value())
			.query(JdbcAttachments::map)
			.optional();
	}

	@Override
	public void remove(AttachmentId id) {
		this.jdbc.sql("delete from talent_attachment where id = :id").param("id", id.value()).update();
	}

	@Override
	public long totalSize(ApplicationId applicationId) {
		return this.jdbc.sql("select coalesce(sum(size_bytes), 0) from talent_attachment where application_id = :a")
			.param("a", applicationId.value())
			.query(Long.class)
			.single();
	}

	private static Attachment map(ResultSet rs, int row) throws SQLException {
		return new Attachment(new AttachmentId(rs.getObject("id", UUID.class)),
				new ApplicationId(rs.getObject("application_id", UUID.class)),
				AttachmentKind.valueOf(rs.getString("kind")), rs.getString("filename"),
				DocumentType.valueOf(rs.getString("document_type")), rs.getLong("size_bytes"), rs.getString("sha256"),
				rs.getString("uploaded_by"), rs.getTimestamp("uploaded_at").toInstant());
	}

}
