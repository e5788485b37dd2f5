package cn.jiangmen.innovation.talent.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import cn.jiangmen.innovation.platform.domain.Caller;
import cn.jiangmen.innovation.platform.error.ConflictException;
import cn.jiangmen.innovation.platform.error.FieldViolation;
import cn.jiangmen.innovation.platform.error.InvalidInputException;

/**
 * A host organisation's application to a talent call: its content (saved as you go while it is a
 * draft or returned), and its place in the lifecycle, every move checked against
 * {@link ApplicationLifecycle} and, for the applicant's moves, against the call's deadline.
 */
public final class TalentApplication {

	static final int MAX_TITLE_LENGTH = 200;

	/** How long an application returned for correction may be resubmitted when no date is given. */
	public static final java.time.Duration DEFAULT_CORRECTION_PERIOD = java.time.Duration.ofDays(7);

	private final ApplicationId id;

	private final CallId callId;

	private final OrganisationId organisationId;

	private ApplicationContent content;

	private ApplicationStatus status;

	private Instant submittedAt;

	private List<String> returnReasons;

	private Instant correctionDueAt;

	private String decisionNote;

	private ReviewOutcome reviewOutcome;

	private final Instant createdAt;

	private Instant updatedAt;

	private final long version;

	/** Restores an application as stored (no rules applied). */
	public TalentApplication(ApplicationId id, CallId callId, OrganisationId organisationId, ApplicationContent content,
			ApplicationStatus status, Instant submittedAt, List<String> returnReasons, Instant correctionDueAt,
			String decisionNote, ReviewOutcome reviewOutcome, Instant createdAt, Instant updatedAt, long version) {
		this.id = Objects.requireNonNull(id, "id");
		this.callId = Objects.requireNonNull(callId, "callId");
		this.organisationId = Objects.requireNonNull(organisationId, "organisationId");
		this.content = Objects.requireNonNull(content, "content");
		this.status = Objects.requireNonNull(status, "status");
		this.submittedAt = submittedAt;
		this.returnReasons = returnReasons == null ? List.of() : List.copyOf(returnReasons);
		this.correctionDueAt = correctionDueAt;
		this.decisionNote = decisionNote;
		this.reviewOutcome = reviewOutcome;
		this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
		this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
		this.version = version;
	}

	/** Starts a draft for an open call that has not closed yet. */
	public static TalentApplication draft(TalentCall call, OrganisationId organisationId, ApplicationContent content,
			Instant now) {
		if (!call.acceptsDraftsAt(now)) {
			throw new ConflictException("call.not-accepting", "The call is not open for applications");
		}
		return new TalentApplication(ApplicationId.newId(), call.id(), organisationId, content,
				ApplicationStatus.DRAFT, null, List.of(), null, null, null, now, now, 0);
	}

	/** Per-object rule: who may see this application. */
	public boolean isVisibleTo(Caller caller) {
		return TalentAccess.seesAllApplications(caller) || isOwnedBy(caller);
	}

	/** Only the applicants of the owning organisation change content or submit. */
	public boolean isOwnedBy(Caller caller) {
		return TalentAccess.isApplicant(caller) && TalentAccess.organisationOf(caller).map(this.organisationId::equals).orElse(false);
	}

	/** Saves new content (autosave); only while the applicant holds the application. */
	public void update(ApplicationContent newContent, Instant now) {
		if (!ApplicationLifecycle.isEditable(this.status)) {
			throw new ConflictException("application.not-editable",
					"An application can be changed only as a draft or when returned for correction, not when "
							+ this.status);
		}
		this.content = Objects.requireNonNull(newContent, "newContent");
		this.updatedAt = now;
	}

	/** Eligibility findings for the current content, for showing while the draft is edited. */
	public List<FieldViolation> eligibilityFindings(TalentCall call) {
		return Eligibility.evaluate(call, this.content);
	}

	/**
	 * Submits (or resubmits after a return). Refused after the call's closing time (for a returned
	 * application: after its correction date), and with every missing field, missing required
	 * document ({@code attached}: the kinds of the attachments it has) and failed eligibility rule
	 * named when the content is not ready.
	 */
	public void submit(TalentCall call, java.util.Set<AttachmentKind> attached, Instant now) {
		ApplicationStatus target = allowed(LifecycleAction.SUBMIT);
		requireCall(call);
		if (this.status == ApplicationStatus.RETURNED) {
			if (this.correctionDueAt != null && !now.isBefore(this.correctionDueAt)) {
				throw new ConflictException("application.correction-period-over",
						"The period for correcting this application ended at " + this.correctionDueAt);
			}
		}
		else if (!call.acceptsSubmissionsAt(now)) {
			throw deadline(call, now);
		}
		List<FieldViolation> problems = new ArrayList<>(this.content.missing());
		if (this.content.category() != null) {
			for (AttachmentKind required : AttachmentKind.requiredFor(this.content.category())) {
				if (!attached.contains(required)) {
					problems.add(new FieldViolation("attachments." + required.name(), "attachment.required",
							"a " + required.name().toLowerCase(java.util.Locale.ROOT) + " document is required"));
				}
			}
		}
		problems.addAll(Eligibility.evaluate(call, this.content));
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		this.status = target;
		this.submittedAt = now;
		this.updatedAt = now;
	}

	/** Withdraws a submitted application; only before the call closes. */
	public void withdraw(TalentCall call, Instant now) {
		ApplicationStatus target = allowed(LifecycleAction.WITHDRAW);
		requireCall(call);
		if (!call.acceptsSubmissionsAt(now)) {
			throw deadline(call, now);
		}
		move(target, now);
	}

	/** Formal check passed: the application waits for (or goes to) expert review. */
	public void passFormalCheck(Instant now) {
		move(allowed(LifecycleAction.PASS_FORMAL_CHECK), now);
	}

	/** Formal check found something to correct: back to the applicant with the reasons. */
	public void returnForCorrection(List<String> reasons, Instant correctionDueAt, Instant now) {
		ApplicationStatus target = allowed(LifecycleAction.RETURN_FOR_CORRECTION);
		List<String> clean = reasons == null ? List.of()
				: reasons.stream().filter(r -> r != null && !r.isBlank()).map(String::strip).toList();
		if (clean.isEmpty()) {
			throw new InvalidInputException("reasons", "required", "a return needs at least one reason");
		}
		if (clean.stream().anyMatch(r -> r.length() > 1000)) {
			throw new InvalidInputException("reasons", "too-long", "each reason may have at most 1000 characters");
		}
		Instant due = correctionDueAt == null ? now.plus(DEFAULT_CORRECTION_PERIOD) : correctionDueAt;
		if (!due.isAfter(now)) {
			throw new InvalidInputException("correctionDueAt", "date.not-future", "must be in the future");
		}
		this.returnReasons = clean;
		this.correctionDueAt = due;
		move(target, now);
	}

	public void reject(String reason, Instant now) {
		ApplicationStatus target = allowed(LifecycleAction.REJECT);
		if (reason == null || reason.isBlank()) {
			throw new InvalidInputException("reason", "required", "a rejection needs a reason");
		}
		if (reason.strip().length() > 1000) {
			throw new InvalidInputException("reason", "too-long", "must be at most 1000 characters");
		}
		this.decisionNote = reason.strip();
		move(target, now);
	}

	/** The confirmed expert panel result (from review-service). */
	public void recordReviewOutcome(ReviewOutcome outcome, Instant now) {
		ApplicationStatus target = allowed(LifecycleAction.RECORD_REVIEW_OUTCOME);
		List<FieldViolation> violations = new ArrayList<>();
		if (outcome.rank() < 1) {
			violations.add(new FieldViolation("rank", "range", "must be 1 or more"));
		}
		if (outcome.scoreHundredths() < 0 || outcome.scoreHundredths() > 10000) {
			violations.add(new FieldViolation("scoreHundredths", "range", "must be between 0 and 10000"));
		}
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		this.reviewOutcome = outcome;
		move(target, now);
	}

	/** Recommends to the province; not when the panel found a threshold failed. */
	public void recommend(Instant now) {
		ApplicationStatus target = allowed(LifecycleAction.RECOMMEND);
		if (this.reviewOutcome != null && !this.reviewOutcome.passedThresholds()) {
			throw new ConflictException("application.thresholds-failed",
					"The expert panel found a scoring threshold failed; the application cannot be recommended");
		}
		move(target, now);
	}

	public void award(String note, Instant now) {
		ApplicationStatus target = allowed(LifecycleAction.AWARD);
		this.decisionNote = note == null || note.isBlank() ? null : note.strip();
		move(target, now);
	}

	public void decline(String note, Instant now) {
		ApplicationStatus target = allowed(LifecycleAction.DECLINE);
		this.decisionNote = note == null || note.isBlank() ? null : note.strip();
		move(target, now);
	}

	private ApplicationStatus allowed(LifecycleAction action) {
		return ApplicationLifecycle.target(this.status, action)
			.orElseThrow(() -> new ConflictException("application.transition-not-allowed",
					"An application in " + this.status + " cannot be " + action.name().toLowerCase().replace('_', ' ')));
	}

	private void requireCall(TalentCall call) {
		if (!call.id().equals(this.callId)) {
			throw new IllegalArgumentException("Application " + this.id + " belongs to call " + this.callId);
		}
	}

	private static ConflictException deadline(TalentCall call, Instant now) {
		if (now.isBefore(call.opensAt()) || call.status() != CallStatus.OPEN) {
			return new ConflictException("call.not-open-yet", "The call does not take submissions yet");
		}
		return new ConflictException("call.deadline-passed",
				"The call closed at " + call.closesAt().atZone(TalentCall.ZONE) + "; submissions are no longer accepted");
	}

	private void move(ApplicationStatus target, Instant now) {
		this.status = target;
		this.updatedAt = now;
	}

	public ApplicationId id() {
		return this.id;
	}

	public CallId callId() {
		return this.callId;
	}

	public OrganisationId organisationId() {
		return this.organisationId;
	}

	public String title() {
		return this.content.title();
	}

	public ApplicationContent content() {
		return this.content;
	}

	public ApplicationStatus status() {
		return this.status;
	}

	public Instant submittedAt() {
		return this.submittedAt;
	}

	public List<String> returnReasons() {
		return this.returnReasons;
	}

	public Instant correctionDueAt() {
		return this.correctionDueAt;
	}

	public String decisionNote() {
		return this.decisionNote;
	}

	public ReviewOutcome reviewOutcome() {
		return this.reviewOutcome;
	}

	public Instant createdAt() {
		return this.createdAt;
	}

	public Instant updatedAt() {
		return this.updatedAt;
	}

	public long version() {
		return this.version;
	}

}
