package cn.jiangmen.innovation.talent.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import cn.jiangmen.innovation.platform.audit.Audit;
import cn.jiangmen.innovation.platform.organisation.OrganisationDirectory;
import cn.jiangmen.innovation.platform.outbox.Outbox;
import cn.jiangmen.innovation.platform.outbox.OutboxMessage;
import cn.jiangmen.innovation.platform.error.ConflictException;
import cn.jiangmen.innovation.platform.error.FieldViolation;
import cn.jiangmen.innovation.platform.error.InvalidInputException;
import cn.jiangmen.innovation.platform.error.NotFoundException;
import cn.jiangmen.innovation.talent.domain.ApplicationContent;
import cn.jiangmen.innovation.talent.domain.ApplicationForm;
import cn.jiangmen.innovation.talent.domain.ApplicationId;
import cn.jiangmen.innovation.talent.domain.ApplicationLifecycle;
import cn.jiangmen.innovation.talent.domain.HostOrganisation;
import cn.jiangmen.innovation.talent.domain.ApplicationStatus;
import cn.jiangmen.innovation.talent.domain.AttachmentKind;
import cn.jiangmen.innovation.talent.domain.OrganisationId;
import cn.jiangmen.innovation.talent.domain.Attachments;
import cn.jiangmen.innovation.talent.domain.CallId;
import cn.jiangmen.innovation.talent.domain.CallStatus;
import cn.jiangmen.innovation.talent.domain.RecordedOutcomes;
import cn.jiangmen.innovation.talent.domain.ApplicantNotice;
import cn.jiangmen.innovation.talent.domain.ApplicantNotices;
import cn.jiangmen.innovation.talent.domain.IdentityFingerprint;
import cn.jiangmen.innovation.talent.domain.ReviewHandOff;
import cn.jiangmen.innovation.talent.domain.ReviewOutcome;
import cn.jiangmen.innovation.talent.domain.TalentApplication;
import cn.jiangmen.innovation.talent.domain.TalentApplications;
import cn.jiangmen.innovation.talent.domain.TalentCall;
import cn.jiangmen.innovation.talent.domain.TalentCalls;
import cn.jiangmen.innovation.platform.domain.Caller;
import cn.jiangmen.innovation.platform.domain.PersonNameKey;
import cn.jiangmen.innovation.talent.domain.TalentAccess;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/**
 * Every change of an application, each in one transaction with its audit record (who, when, what,
 * before/after, request id) and, for a decision, its notice to the host organisation. Order of checks: may the caller see it (else 404), may they do this
 * (else 403), is the input well-formed (else 400 naming fields), does the state allow it (else 409).
 */
@Service
public class ApplicationCommands {

	static final String OBJECT_TYPE = "talent_application";

	private final TalentApplications applications;

	private final TalentCalls calls;

	private final RecordedOutcomes outcomes;

	private final Attachments attachments;

	private final Audit audit;

	private final Outbox outbox;

	private final IdentityFingerprint fingerprint;

	private final ApplicantNotices notices;

	private final OrganisationDirectory directory;

	private final JsonMapper json;

	private final Clock clock;

	private final PersonNameKey personKeys;

	public ApplicationCommands(TalentApplications applications, TalentCalls calls, RecordedOutcomes outcomes,
			Attachments attachments, Audit audit, Outbox outbox, IdentityFingerprint fingerprint,
			ApplicantNotices notices, OrganisationDirectory directory, JsonMapper json, Clock clock,
			PersonNameKey personKeys) {
		this.applications = applications;
		this.directory = directory;
		this.calls = calls;
		this.outcomes = outcomes;
		this.attachments = attachments;
		this.audit = audit;
		this.outbox = outbox;
		this.fingerprint = fingerprint;
		this.notices = notices;
		this.json = json;
		this.clock = clock;
		this.personKeys = personKeys;
	}

	/** A saved application and the fields that were not saved (each kept its previous value). */
	public record Saved(TalentApplication application, List<FieldViolation> fieldErrors) {

		public Saved {
			fieldErrors = List.copyOf(fieldErrors);
		}

	}

	/**
	 * An applicant starts a draft for their own organisation on an open call. When the organisation
	 * already has a draft on the call, that is refused ({@code application.draft-exists}, naming it)
	 * unless {@code anotherDraft} asks for one more on purpose: a second click on "start", or a second
	 * person of the organisation, is shown the draft instead of silently making a second one.
	 */
	@Transactional
	public TalentApplication createDraft(Caller caller, CallId callId, ApplicationForm form, boolean anotherDraft) {
		if (!TalentAccess.isApplicant(caller)) {
			throw new AccessDeniedException("Only applicants of a host organisation start applications");
		}
		TalentCall call = this.calls.find(callId)
			.filter(c -> c.status() == CallStatus.OPEN)
			.orElseThrow(() -> new NotFoundException("Call", callId));
		Instant now = now();
		OrganisationId organisation = TalentAccess.organisationOf(caller).orElseThrow();
		ApplicationContent content = form.parse(today(now), this.fingerprint).withHost(hostOf(organisation));
		List<TalentApplication> drafts = this.applications.lockDraftsOf(organisation, call.id());
		if (!anotherDraft && !drafts.isEmpty()) {
			throw new ConflictException("application.draft-exists",
					"The organisation already has a draft on this call: " + drafts.get(0).id());
		}
		TalentApplication application = TalentApplication.draft(call, organisation, content, now);
		this.applications.add(application);
		record(caller, "talent.application.created", application, null, now);
		return application;
	}

	/**
	 * Saves the form (autosave). {@code expectedVersion}, when given, must be the version the client
	 * read, so two tabs cannot silently overwrite each other. A field that does not pass its check
	 * keeps its previous value and is named in {@link Saved#fieldErrors()}; everything else is saved.
	 */
	@Transactional
	public Saved update(Caller caller, ApplicationId id, ApplicationForm form, Long expectedVersion) {
		TalentApplication application = owned(caller, id);
		if (expectedVersion != null && expectedVersion != application.version()) {
			throw new ConflictException("application.changed-concurrently",
					"The application was changed since version " + expectedVersion + "; reload and try again");
		}
		Instant now = now();
		ApplicationForm.Parsed parsed = form.parseKeeping(today(now), this.fingerprint, application.content());
		Map<String, Object> before = snapshot(application);
		application.update(parsed.content().withHost(hostOf(application.organisationId())), now);
		this.applications.update(application);
		record(caller, "talent.application.updated", application, before, now);
		return new Saved(reload(id), parsed.violations());
	}

	/**
	 * Deletes a draft of the caller's organisation, with its attachments and their bytes (the
	 * database's cascade, in the same transaction). Anything past the draft stays: a submitted application is withdrawn, not
	 * deleted. The audit trail keeps what was deleted.
	 */
	@Transactional
	public void deleteDraft(Caller caller, ApplicationId id) {
		TalentApplication application = owned(caller, id);
		if (application.status() != ApplicationStatus.DRAFT) {
			throw new ConflictException("application.not-deletable",
					"Only a draft can be deleted; this application is " + application.status());
		}
		Map<String, Object> before = snapshot(application);
		before.put("attachments", this.attachments.ofApplication(id).size());
		this.applications.remove(application);
		this.audit.record(caller.username(), now(), "talent.application.deleted", OBJECT_TYPE, application.id(), before,
				null);
	}

	@Transactional
	public TalentApplication submit(Caller caller, ApplicationId id) {
		TalentApplication application = owned(caller, id);
		TalentCall call = callOf(application);
		Set<AttachmentKind> attached = EnumSet.noneOf(AttachmentKind.class);
		this.attachments.ofApplication(id).forEach(attachment -> attached.add(attachment.kind()));
		return change(caller, application, "talent.application.submitted", a -> {
			Instant now = now();
			if (ApplicationLifecycle.isEditable(a.status())) {
				// the copy kept from now on is the directory's entry at submission
				a.update(a.content().withHost(hostOf(a.organisationId())), now);
			}
			a.submit(call, attached, now);
		});
	}

	@Transactional
	public TalentApplication withdraw(Caller caller, ApplicationId id) {
		TalentApplication application = owned(caller, id);
		TalentCall call = callOf(application);
		return change(caller, application, "talent.application.withdrawn", a -> a.withdraw(call, now()));
	}

	/**
	 * Passes the formal check and, in the same transaction, writes the hand-off to review-service
	 * to the outbox; the relay opens the review there (retried until it succeeds, once per key).
	 */
	@Transactional
	public TalentApplication passFormalCheck(Caller caller, ApplicationId id) {
		TalentApplication passed = change(caller, managed(caller, id), "talent.application.formal-check-passed",
				a -> a.passFormalCheck(now()));
		ReviewHandOff handOff = ReviewHandOff.of(passed, this.personKeys);
		this.outbox.add(OutboxMessage.pending(OutboxMessage.REVIEW_OPEN, handOff.idempotencyKey(),
				this.json.writeValueAsString(ReviewHandOffPayload.of(handOff)), passed.updatedAt()));
		return passed;
	}

	@Transactional
	public TalentApplication returnForCorrection(Caller caller, ApplicationId id, List<String> reasons,
			Instant correctionDueAt) {
		return change(caller, managed(caller, id), "talent.application.returned",
				a -> a.returnForCorrection(reasons, correctionDueAt, now()));
	}

	@Transactional
	public TalentApplication reject(Caller caller, ApplicationId id, String reason) {
		return change(caller, managed(caller, id), "talent.application.rejected", a -> a.reject(reason, now()));
	}

	@Transactional
	public TalentApplication recommend(Caller caller, ApplicationId id) {
		return change(caller, managed(caller, id), "talent.application.recommended", a -> a.recommend(now()));
	}

	@Transactional
	public TalentApplication award(Caller caller, ApplicationId id, String note) {
		return change(caller, managed(caller, id), "talent.application.awarded", a -> a.award(note, now()));
	}

	@Transactional
	public TalentApplication decline(Caller caller, ApplicationId id, String note) {
		return change(caller, managed(caller, id), "talent.application.declined", a -> a.decline(note, now()));
	}

	/**
	 * review-service reports a confirmed panel result (service account only). Idempotent by key: a
	 * retry gets the first answer and changes nothing; the same key for another request is refused
	 * naming {@code idempotencyKey} (the adapter names it as its transport does).
	 */
	@Transactional
	public ApplicationStatus recordReviewOutcome(Caller caller, String idempotencyKey, ApplicationId id,
			ReviewOutcome outcome) {
		if (!TalentAccess.isService(caller)) {
			throw new AccessDeniedException("Only the service account records review outcomes");
		}
		if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 100) {
			throw new InvalidInputException("idempotencyKey", "required", "must be 1 to 100 characters");
		}
		ReviewOutcome normalised = new ReviewOutcome(outcome.reviewItemId(), outcome.rank(), outcome.scoreHundredths(),
				outcome.passedThresholds(), outcome.confirmedAt().truncatedTo(ChronoUnit.MICROS));
		TalentApplication application = this.applications.find(id)
			.orElseThrow(() -> new NotFoundException("Application", id));
		Instant now = now();
		if (!this.outcomes.claim(idempotencyKey, id, normalised, caller.username(), now)) {
			RecordedOutcomes.Recorded first = this.outcomes.find(idempotencyKey)
				.orElseThrow(() -> new IllegalStateException("Key claimed but not found: " + idempotencyKey));
			if (!first.isSameRequestAs(id, normalised)) {
				throw new InvalidInputException("idempotencyKey", "idempotency-key.reused",
						"was already used for a different request");
			}
			return first.resultingStatus();
		}
		TalentApplication changed = change(caller, application, "talent.application.ranked",
				a -> a.recordReviewOutcome(normalised, now));
		this.outcomes.complete(idempotencyKey, changed.status());
		return changed.status();
	}

	private TalentApplication change(Caller caller, TalentApplication application, String action,
			Consumer<TalentApplication> move) {
		Map<String, Object> before = snapshot(application);
		move.accept(application);
		this.applications.update(application);
		ApplicantNotice.of(application).ifPresent(this.notices::add);
		record(caller, action, application, before, application.updatedAt());
		return reload(application.id());
	}

	private TalentApplication reload(ApplicationId id) {
		return this.applications.find(id).orElseThrow();
	}

	/**
	 * The host organisation as the directory has it now; an organisation the directory no longer
	 * knows leaves the host empty (submission then names it as missing).
	 */
	private HostOrganisation hostOf(OrganisationId organisation) {
		return this.directory.find(organisation.value()).map(HostOrganisation::of).orElse(HostOrganisation.EMPTY);
	}

	/** Visible to the caller (else not found) and owned by their organisation (else forbidden). */
	private TalentApplication owned(Caller caller, ApplicationId id) {
		TalentApplication application = visible(caller, id);
		if (!application.isOwnedBy(caller)) {
			throw new AccessDeniedException("Only the host organisation's applicants change an application");
		}
		return application;
	}

	private TalentApplication managed(Caller caller, ApplicationId id) {
		if (!TalentAccess.isManager(caller)) {
			throw new AccessDeniedException("Only program managers take this decision");
		}
		return visible(caller, id);
	}

	private TalentApplication visible(Caller caller, ApplicationId id) {
		return this.applications.find(id)
			.filter(application -> application.isVisibleTo(caller))
			.orElseThrow(() -> new NotFoundException("Application", id));
	}

	private TalentCall callOf(TalentApplication application) {
		return this.calls.find(application.callId())
			.orElseThrow(() -> new ConflictException("call.missing", "The application's call no longer exists"));
	}

	private void record(Caller caller, String action, TalentApplication application, Map<String, Object> before,
			Instant now) {
		this.audit.record(caller.username(), now, action, OBJECT_TYPE, application.id(), before, snapshot(application));
	}

	private Map<String, Object> snapshot(TalentApplication application) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("id", application.id().toString());
		state.put("callId", application.callId().toString());
		state.put("organisationId", application.organisationId().toString());
		state.put("title", application.title());
		state.put("status", application.status().name());
		state.put("category", application.content().category() == null ? null : application.content().category().name());
		state.put("teamSize", application.content().team().size());
		state.put("returnReasons", application.returnReasons());
		if (application.reviewOutcome() != null) {
			state.put("rank", application.reviewOutcome().rank());
			state.put("scoreHundredths", application.reviewOutcome().scoreHundredths());
		}
		return state;
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	private static LocalDate today(Instant now) {
		return now.atZone(TalentCall.ZONE).toLocalDate();
	}

}
