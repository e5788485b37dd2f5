package cn.jiangmen.innovation.project.application;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import cn.jiangmen.innovation.platform.audit.Audit;
import cn.jiangmen.innovation.platform.domain.Caller;
import cn.jiangmen.innovation.platform.error.ConflictException;
import cn.jiangmen.innovation.platform.error.FieldViolation;
import cn.jiangmen.innovation.platform.error.InvalidInputException;
import cn.jiangmen.innovation.platform.error.NotFoundException;
import cn.jiangmen.innovation.platform.outbox.Outbox;
import cn.jiangmen.innovation.platform.outbox.OutboxMessage;
import cn.jiangmen.innovation.project.config.AwardProperties;
import cn.jiangmen.innovation.project.domain.Approval;
import cn.jiangmen.innovation.project.domain.ApprovedProjects;
import cn.jiangmen.innovation.project.domain.ProjectAccess;
import cn.jiangmen.innovation.project.domain.ProjectCall;
import cn.jiangmen.innovation.project.domain.ProjectCalls;
import cn.jiangmen.innovation.project.domain.ProjectId;
import cn.jiangmen.innovation.project.domain.Proposal;
import cn.jiangmen.innovation.project.domain.ProposalId;
import cn.jiangmen.innovation.project.domain.ProposalNotice;
import cn.jiangmen.innovation.project.domain.ProposalNotices;
import cn.jiangmen.innovation.project.domain.ProposalStatus;
import cn.jiangmen.innovation.project.domain.Proposals;
import cn.jiangmen.innovation.project.domain.RecordedReviewOutcomes;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/**
 * The bureau's decisions on a proposal, each in one transaction with its audit record, its notice
 * to the consortium and, where another service must act, its outbox message: the formal check
 * (passing hands the proposal to review-service), the review outcome review-service reports, and
 * approval (立项), which writes the project, its milestones and the award to funding-service.
 */
@Service
public class ProposalDecisions {

	private final Proposals proposals;

	private final ProjectCalls calls;

	private final ProposalNotices notices;

	private final RecordedReviewOutcomes outcomes;

	private final ApprovedProjects projects;

	private final Outbox outbox;

	private final Audit audit;

	private final JsonMapper json;

	private final AwardProperties award;

	private final Clock clock;

	public ProposalDecisions(Proposals proposals, ProjectCalls calls, ProposalNotices notices,
			RecordedReviewOutcomes outcomes, ApprovedProjects projects, Outbox outbox, Audit audit, JsonMapper json,
			AwardProperties award, Clock clock) {
		this.proposals = proposals;
		this.calls = calls;
		this.notices = notices;
		this.outcomes = outcomes;
		this.projects = projects;
		this.outbox = outbox;
		this.audit = audit;
		this.json = json;
		this.award = award;
		this.clock = clock;
	}

	/** The formal check (形式审查) decisions. */
	public enum FormalCheck {

		PASS, RETURN, REJECT

	}

	/**
	 * Passing writes, in the same transaction, the hand-off to review-service to the outbox (key
	 * {@code project-proposal-review:<id>}); a return needs reasons and a correction deadline in the
	 * future, a rejection a reason.
	 */
	@Transactional
	public Proposal formalCheck(Caller caller, ProposalId id, FormalCheck decision, List<String> reasons,
			Instant correctionDueAt) {
		return formalCheck(caller, id, decision, reasons, correctionDueAt, List.of());
	}

	/** As above; {@code found} holds what the adapter already found malformed (named after the 404 and 403 checks). */
	@Transactional
	public Proposal formalCheck(Caller caller, ProposalId id, FormalCheck decision, List<String> reasons,
			Instant correctionDueAt, List<FieldViolation> found) {
		Proposal proposal = managed(caller, id);
		Instant now = now();
		List<String> clean = reasons == null ? List.of()
				: reasons.stream().filter(r -> r != null && !r.isBlank()).map(String::strip).toList();
		List<FieldViolation> violations = new ArrayList<>(found);
		if (decision == null) {
			violations.add(new FieldViolation("decision", "unknown-value", "must be PASS, RETURN or REJECT"));
		}
		if ((decision == FormalCheck.RETURN || decision == FormalCheck.REJECT) && clean.isEmpty()) {
			violations.add(new FieldViolation("reasons", "required", "a return or rejection says why"));
		}
		if (clean.stream().anyMatch(r -> r.length() > 2000)) {
			violations.add(new FieldViolation("reasons", "too-long", "each reason must be at most 2000 characters"));
		}
		if (decision == FormalCheck.RETURN && violations.stream().noneMatch(v -> v.field().equals("correctionDueAt"))
				&& (correctionDueAt == null || !correctionDueAt.isAfter(now))) {
			violations.add(new FieldViolation("correctionDueAt", "required", "must be a time in the future"));
		}
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		return switch (decision) {
			case PASS -> {
				ProjectCall call = callOf(proposal);
				Proposal passed = write(caller, "project.proposal.formal-check-passed", proposal,
						p -> p.passFormalCheck(now));
				this.outbox.add(OutboxMessage.pending(OutboxMessage.REVIEW_OPEN, ProposalReviewPayload.keyOf(passed),
						this.json.writeValueAsString(ProposalReviewPayload.of(passed, call)), now));
				yield passed;
			}
			case RETURN -> write(caller, "project.proposal.returned", proposal,
					p -> p.returnForCorrection(clean, correctionDueAt.truncatedTo(ChronoUnit.MICROS), now));
			case REJECT -> write(caller, "project.proposal.rejected", proposal,
					p -> p.reject(String.join("; ", clean), now));
		};
	}

	/**
	 * review-service reports the panel's outcome (service account only). Idempotent by key: a
	 * redelivery gets the first answer and changes nothing; the same key for another proposal or
	 * result is refused naming {@code idempotencyKey}.
	 */
	@Transactional
	public ProposalStatus recordReviewOutcome(Caller caller, String idempotencyKey, ProposalId id,
			Proposal.ReviewResult result) {
		if (!ProjectAccess.isService(caller)) {
			throw new AccessDeniedException("Only the service account records review outcomes");
		}
		if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 100) {
			throw new InvalidInputException("idempotencyKey", "required", "must be 1 to 100 characters");
		}
		Proposal proposal = this.proposals.find(id).orElseThrow(() -> new NotFoundException("Proposal", id));
		Proposal.ReviewResult normalised = new Proposal.ReviewResult(result.reviewItemId(), result.rank(),
				result.scoreHundredths(), result.passedThresholds(),
				result.confirmedAt() == null ? null : result.confirmedAt().truncatedTo(ChronoUnit.MICROS));
		if (!this.outcomes.claim(idempotencyKey, id, normalised)) {
			RecordedReviewOutcomes.Recorded first = this.outcomes.find(idempotencyKey).orElseThrow();
			if (!first.proposal().equals(id) || !first.result().equals(normalised)) {
				throw new InvalidInputException("idempotencyKey", "idempotency-key.reused",
						"was already used for a different request");
			}
			return proposal.status();
		}
		return write(caller, "project.proposal.reviewed", proposal, p -> p.recordReview(normalised, now())).status();
	}

	/**
	 * Approval (立项): in one transaction the proposal becomes APPROVED; the project (stage TASK_BOOK)
	 * and one milestone per work-plan entry with its tranche are inserted; the consortium gets a
	 * notice; the award goes to the outbox for funding-service (key {@code project-award:<projectId>}),
	 * which the relay retries until funding takes it, once.
	 *
	 * @param approvedFen null when the amount was malformed (already named in {@code violations})
	 */
	@Transactional
	public Proposal approve(Caller caller, ProposalId id, Long approvedFen, List<Long> tranchesFen, String note,
			List<FieldViolation> violations) {
		Proposal proposal = managed(caller, id);
		ProjectCall call = callOf(proposal);
		Approval approval = Approval.check(proposal, call, approvedFen, tranchesFen, note, new ArrayList<>(violations));
		proposal.move(cn.jiangmen.innovation.project.domain.ProposalAction.APPROVE);
		Instant now = now();
		Approval.ApprovedProject project = approval.project(proposal, call, ProjectId.newId(), now);
		Proposal approved = write(caller, "project.proposal.approved", proposal,
				p -> p.approve(project.id(), approval.approvedFen(), approval.note(), now));
		this.projects.add(project);
		int fiscalYear = now.atZone(ProjectCall.ZONE).getYear();
		this.outbox.add(OutboxMessage.pending(AwardCommitmentPayload.DESTINATION, AwardCommitmentPayload.keyOf(project),
				this.json.writeValueAsString(AwardCommitmentPayload.of(project, this.award.budgetCode(), fiscalYear)), now));
		return approved;
	}

	private Proposal write(Caller caller, String action, Proposal before, UnaryOperator<Proposal> move) {
		Proposal after = move.apply(before);
		if (!this.proposals.update(after)) {
			throw new ConflictException("proposal.changed-concurrently",
					"Proposal " + before.id() + " was changed by someone else; reload and try again");
		}
		ProposalNotice.of(after, after.updatedAt()).ifPresent(this.notices::add);
		this.audit.record(caller.username(), after.updatedAt(), action, ProposalCommands.OBJECT_TYPE, after.id(),
				ProposalCommands.snapshot(before), ProposalCommands.snapshot(after));
		return after;
	}

	private Proposal managed(Caller caller, ProposalId id) {
		Proposal proposal = this.proposals.find(id)
			.filter(p -> p.isVisibleTo(caller))
			.orElseThrow(() -> new NotFoundException("Proposal", id));
		if (!ProjectAccess.mayManageCalls(caller)) {
			throw new AccessDeniedException("Only program managers take this decision");
		}
		return proposal;
	}

	private ProjectCall callOf(Proposal proposal) {
		return this.calls.find(proposal.callId())
			.orElseThrow(() -> new ConflictException("call.missing", "The proposal's call no longer exists"));
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

}
