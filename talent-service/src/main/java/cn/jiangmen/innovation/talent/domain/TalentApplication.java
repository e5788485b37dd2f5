package cn.jiangmen.innovation.talent.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import cn.jiangmen.innovation.platform.error.InvalidInputException;

/**
 * A host organisation's application to a talent call. This foundation version carries identity,
 * ownership and status; the full lifecycle (team, eligibility, attachments, state machine) grows
 * on it.
 */
public final class TalentApplication {

	static final int MAX_TITLE_LENGTH = 200;

	private final ApplicationId id;

	private final UUID callId;

	private final OrganisationId organisationId;

	private final String title;

	private final ApplicationStatus status;

	private final Instant createdAt;

	private final Instant updatedAt;

	public TalentApplication(ApplicationId id, UUID callId, OrganisationId organisationId, String title,
			ApplicationStatus status, Instant createdAt, Instant updatedAt) {
		this.id = Objects.requireNonNull(id, "id");
		this.callId = Objects.requireNonNull(callId, "callId");
		this.organisationId = Objects.requireNonNull(organisationId, "organisationId");
		this.title = Objects.requireNonNull(title, "title");
		this.status = Objects.requireNonNull(status, "status");
		this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
		this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
	}

	public static TalentApplication draft(UUID callId, OrganisationId organisationId, String title, Instant now) {
		if (title == null || title.isBlank()) {
			throw new InvalidInputException("title", "required", "must not be blank");
		}
		if (title.length() > MAX_TITLE_LENGTH) {
			throw new InvalidInputException("title", "too-long", "must be at most " + MAX_TITLE_LENGTH + " characters");
		}
		return new TalentApplication(ApplicationId.newId(), callId, organisationId, title.strip(),
				ApplicationStatus.DRAFT, now, now);
	}

	/** Per-object rule: who may see this application. */
	public boolean isVisibleTo(Viewer viewer) {
		return viewer.seesAllApplications() || viewer.organisationId().map(this.organisationId::equals).orElse(false);
	}

	public ApplicationId id() {
		return this.id;
	}

	public UUID callId() {
		return this.callId;
	}

	public OrganisationId organisationId() {
		return this.organisationId;
	}

	public String title() {
		return this.title;
	}

	public ApplicationStatus status() {
		return this.status;
	}

	public Instant createdAt() {
		return this.createdAt;
	}

	public Instant updatedAt() {
		return this.updatedAt;
	}

}
