package cn.jiangmen.innovation.talent.application;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.jiangmen.innovation.platform.attachment.AttachmentLimits;
import cn.jiangmen.innovation.platform.audit.Audit;
import cn.jiangmen.innovation.platform.error.ConflictException;
import cn.jiangmen.innovation.platform.error.NotFoundException;
import cn.jiangmen.innovation.talent.domain.ApplicationId;
import cn.jiangmen.innovation.talent.domain.ApplicationLifecycle;
import cn.jiangmen.innovation.talent.domain.Attachment;
import cn.jiangmen.innovation.talent.domain.AttachmentId;
import cn.jiangmen.innovation.talent.domain.Attachments;
import cn.jiangmen.innovation.talent.domain.TalentApplication;
import cn.jiangmen.innovation.talent.domain.TalentApplications;
import cn.jiangmen.innovation.platform.domain.Caller;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/**
 * Uploads, lists, downloads and removes attachments. Everything is checked before a byte is
 * written; the bytes are written with the record in one transaction (PostgreSQL, see
 * {@link Attachments}), so every replica serves every document and a rollback leaves nothing behind.
 */
@Service
public class AttachmentService {

	static final String OBJECT_TYPE = "talent_attachment";

	/** An attachment with its bytes, for download. */
	public record Download(Attachment attachment, byte[] content) {
	}

	private final TalentApplications applications;

	private final Attachments attachments;

	private final AttachmentLimits limits;

	private final AttachmentReaders readers;

	private final Audit audit;

	private final JsonMapper json;

	private final Clock clock;

	public AttachmentService(TalentApplications applications, Attachments attachments,
			AttachmentLimits limits, AttachmentReaders readers, Audit audit, JsonMapper json, Clock clock) {
		this.applications = applications;
		this.attachments = attachments;
		this.limits = limits;
		this.readers = readers;
		this.audit = audit;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * The application's row is locked for the check and the insert: concurrent uploads to one
	 * application are checked against the quota one after another, so together they never exceed it.
	 */
	@Transactional
	public Attachment upload(Caller caller, ApplicationId applicationId, String kind, String filename, byte[] content) {
		TalentApplication application = editable(caller, this.applications.lock(applicationId), applicationId);
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		Attachment attachment = Attachment.accept(application.id(), kind, filename, content, this.limits,
				this.attachments.totalSize(application.id()), caller.username(), now);
		this.attachments.add(attachment, content);
		this.audit.record(caller.username(), now, "talent.attachment.added", OBJECT_TYPE, attachment.id(), null, snapshot(attachment));
		return attachment;
	}

	@Transactional(readOnly = true)
	public List<Attachment> list(Caller caller, ApplicationId applicationId) {
		return this.attachments.ofApplication(readable(caller, applicationId).id());
	}

	@Transactional(readOnly = true)
	public Download download(Caller caller, ApplicationId applicationId, AttachmentId id) {
		TalentApplication application = readable(caller, applicationId);
		Attachment attachment = this.attachments.find(application.id(), id)
			.orElseThrow(() -> new NotFoundException("Attachment", id));
		return new Download(attachment, this.attachments.content(attachment.id()));
	}

	@Transactional
	public void remove(Caller caller, ApplicationId applicationId, AttachmentId id) {
		TalentApplication application = editable(caller, this.applications.lock(applicationId), applicationId);
		Attachment attachment = this.attachments.find(application.id(), id)
			.orElseThrow(() -> new NotFoundException("Attachment", id));
		this.attachments.remove(attachment.id());
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		this.audit.record(caller.username(), now, "talent.attachment.removed", OBJECT_TYPE, attachment.id(), snapshot(attachment), null);
	}

	private TalentApplication readable(Caller caller, ApplicationId applicationId) {
		return this.applications.find(applicationId)
			.filter(application -> this.readers.mayRead(caller, application))
			.orElseThrow(() -> new NotFoundException("Application", applicationId));
	}

	private TalentApplication editable(Caller caller, Optional<TalentApplication> found,
			ApplicationId applicationId) {
		TalentApplication application = found
			.filter(a -> a.isVisibleTo(caller))
			.orElseThrow(() -> new NotFoundException("Application", applicationId));
		if (!application.isOwnedBy(caller)) {
			throw new AccessDeniedException("Only the host organisation's applicants change attachments");
		}
		if (!ApplicationLifecycle.isEditable(application.status())) {
			throw new ConflictException("application.not-editable",
					"Attachments can be changed only while the application is a draft or returned");
		}
		return application;
	}

	private Map<String, Object> snapshot(Attachment a) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("applicationId", a.applicationId().toString());
		state.put("kind", a.kind().name());
		state.put("filename", a.filename());
		state.put("type", a.type().name());
		state.put("size", a.size());
		state.put("sha256", a.sha256());
		return state;
	}

}
