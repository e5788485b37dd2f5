package cn.jiangmen.innovation.project.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import cn.jiangmen.innovation.platform.domain.Caller;
import cn.jiangmen.innovation.platform.error.ConflictException;
import cn.jiangmen.innovation.platform.error.InvalidInputException;

/**
 * A proposal (申报书) of a consortium on a call. The lead organisation writes, submits and
 * withdraws it; partner organisations read it and confirm their participation; managers check,
 * send it to review and approve it. Moves only as {@link ProposalLifecycle} allows.
 *
 * @param review the panel's outcome, once back (null before)
 * @param projectId the project approval created (null before)
 */
public record Proposal(ProposalId id, CallId callId, UUID leadOrganisationId, ProposalStatus status,
		ProposalContent content, Instant submittedAt, List<String> returnReasons, Instant correctionDueAt,
		String rejectionReason, ReviewResult review, String decisionNote, ProjectId projectId, Long approvedFiscalFen,
		Instant createdAt, Instant updatedAt, long version) {

	/** What review-service reported for the proposal. */
	public record ReviewResult(String reviewItemId, int rank, int scoreHundredths, boolean passedThresholds,
			Instant confirmedAt) {
	}

	public Proposal {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(content, "content");
		returnReasons = List.copyOf(returnReasons);
	}

	public static Proposal draft(ProjectCall call, ProposalContent content, Instant now) {
		return new Proposal(ProposalId.newId(), call.id(), content.lead().organisationId(), ProposalStatus.DRAFT,
				content, null, List.of(), null, null, null, null, null, null, now, now, 0);
	}

	/** Managers, auditors and the service see every proposal; an applicant those of their organisation. */
	public boolean isVisibleTo(Caller caller) {
		return ProjectAccess.seesAllProjects(caller) || isLedBy(caller) || isPartner(caller);
	}

	public boolean isLedBy(Caller caller) {
		return ProjectAccess.isApplicant(caller) && caller.organisationId().orElseThrow().equals(this.leadOrganisationId);
	}

	public boolean isPartner(Caller caller) {
		return ProjectAccess.isApplicant(caller) && this.content.hasPartner(caller.organisationId().orElseThrow());
	}

	/** New content from the lead; a change withdraws the partners' confirmations (they confirmed what was). */
	public Proposal withContent(ProposalContent next, Instant now) {
		if (!ProposalLifecycle.isEditable(this.status)) {
			throw new ConflictException("proposal.not-editable", "A " + this.status + " proposal cannot be changed");
		}
		ProposalContent stored = next.equals(this.content) ? this.content : next.unconfirmed();
		return with(this.status, stored, now);
	}

	/**
	 * An approved change request (变更) amends the budget or consortium of record of an approved
	 * proposal (the project's); the partners' confirmations stay (the manager approved the change).
	 */
	public Proposal amended(ProposalContent next, Instant now) {
		if (this.status != ProposalStatus.APPROVED) {
			throw new ConflictException("proposal.not-approved",
					"Only an approved proposal's budget and consortium change by a change request; this one is " + this.status);
		}
		return with(this.status, next, now);
	}

	public Proposal confirmedBy(UUID organisationId, Instant now) {
		if (!ProposalLifecycle.isEditable(this.status)) {
			throw new ConflictException("proposal.not-editable",
					"Participation is confirmed before submission; this proposal is " + this.status);
		}
		return with(this.status, this.content.confirmedBy(organisationId, now), now);
	}

	/**
	 * Submits before the call closes (a returned proposal before its correction deadline), once every
	 * partner confirmed (409) and the call's rules hold (400 naming each broken rule).
	 */
	public Proposal submit(ProjectCall call, Instant now) {
		ProposalStatus next = move(ProposalAction.SUBMIT);
		if (this.status == ProposalStatus.RETURNED && this.correctionDueAt != null) {
			if (!now.isBefore(this.correctionDueAt)) {
				throw new ConflictException("proposal.correction-deadline-passed",
						"The correction was due by " + this.correctionDueAt);
			}
		}
		else if (!call.acceptsProposals(now)) {
			throw new ConflictException("call.deadline-passed", "The call takes proposals from " + call.opensAt()
					+ " until " + call.closesAt() + " (server clock); it is now " + now);
		}
		List<ProposalContent.Partner> unconfirmed = this.content.unconfirmedPartners();
		if (!unconfirmed.isEmpty()) {
			throw new ConflictException("proposal.partners-unconfirmed", "Every partner confirms before submission; waiting for "
					+ String.join(", ", unconfirmed.stream().map(p -> p.party().name()).toList()));
		}
		var findings = ProposalRules.check(call, this.content);
		if (!findings.isEmpty()) {
			throw new InvalidInputException(findings);
		}
		return new Proposal(this.id, this.callId, this.leadOrganisationId, next, this.content, now, this.returnReasons,
				this.correctionDueAt, this.rejectionReason, this.review, this.decisionNote, this.projectId,
				this.approvedFiscalFen, this.createdAt, now, this.version + 1);
	}

	public Proposal withdraw(ProjectCall call, Instant now) {
		ProposalStatus next = move(ProposalAction.WITHDRAW);
		if (this.status == ProposalStatus.SUBMITTED && !now.isBefore(call.closesAt())) {
			throw new ConflictException("call.deadline-passed", "A proposal is withdrawn before the call closes ("
					+ call.closesAt() + "); after that the formal check decides");
		}
		return with(next, this.content, now);
	}

	public Proposal passFormalCheck(Instant now) {
		return with(move(ProposalAction.PASS_FORMAL_CHECK), this.content, now);
	}

	public Proposal returnForCorrection(List<String> reasons, Instant dueAt, Instant now) {
		ProposalStatus next = move(ProposalAction.RETURN_FOR_CORRECTION);
		return new Proposal(this.id, this.callId, this.leadOrganisationId, next, this.content.unconfirmed(),
				this.submittedAt, reasons, dueAt, null, this.review, this.decisionNote, this.projectId,
				this.approvedFiscalFen, this.createdAt, now, this.version + 1);
	}

	public Proposal reject(String reason, Instant now) {
		ProposalStatus next = move(ProposalAction.REJECT);
		return new Proposal(this.id, this.callId, this.leadOrganisationId, next, this.content, this.submittedAt,
				this.returnReasons, this.correctionDueAt, reason, this.review, this.decisionNote, this.projectId,
				this.approvedFiscalFen, this.createdAt, now, this.version + 1);
	}

	public Proposal recordReview(ReviewResult result, Instant now) {
		ProposalStatus next = move(ProposalAction.RECORD_REVIEW_OUTCOME);
		return new Proposal(this.id, this.callId, this.leadOrganisationId, next, this.content, this.submittedAt,
				this.returnReasons, this.correctionDueAt, this.rejectionReason, result, this.decisionNote,
				this.projectId, this.approvedFiscalFen, this.createdAt, now, this.version + 1);
	}

	public Proposal approve(ProjectId project, long approvedFen, String note, Instant now) {
		ProposalStatus next = move(ProposalAction.APPROVE);
		return new Proposal(this.id, this.callId, this.leadOrganisationId, next, this.content, this.submittedAt,
				this.returnReasons, this.correctionDueAt, this.rejectionReason, this.review, note, project, approvedFen,
				this.createdAt, now, this.version + 1);
	}

	/** The action is allowed from here (else 409 naming both). */
	public ProposalStatus move(ProposalAction action) {
		return ProposalLifecycle.target(this.status, action)
			.orElseThrow(() -> new ConflictException("proposal.transition-not-allowed",
					"A " + this.status + " proposal cannot " + action.name().toLowerCase().replace('_', ' ')));
	}

	private Proposal with(ProposalStatus next, ProposalContent nextContent, Instant now) {
		return new Proposal(this.id, this.callId, this.leadOrganisationId, next, nextContent, this.submittedAt,
				this.returnReasons, this.correctionDueAt, this.rejectionReason, this.review, this.decisionNote,
				this.projectId, this.approvedFiscalFen, this.createdAt, now, this.version + 1);
	}

}
