package cn.jiangmen.innovation.project.application.execution;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import cn.jiangmen.innovation.platform.audit.Audit;
import cn.jiangmen.innovation.platform.domain.Caller;
import cn.jiangmen.innovation.platform.error.ConflictException;
import cn.jiangmen.innovation.platform.error.FieldViolation;
import cn.jiangmen.innovation.platform.error.InvalidInputException;
import cn.jiangmen.innovation.platform.error.NotFoundException;
import cn.jiangmen.innovation.platform.outbox.Outbox;
import cn.jiangmen.innovation.platform.outbox.OutboxMessage;
import cn.jiangmen.innovation.project.config.CheckRoundProperties;
import cn.jiangmen.innovation.project.domain.MilestoneState;
import cn.jiangmen.innovation.project.domain.ProjectAccess;
import cn.jiangmen.innovation.project.domain.ProjectId;
import cn.jiangmen.innovation.project.domain.Proposal;
import cn.jiangmen.innovation.project.domain.ProposalContent;
import cn.jiangmen.innovation.project.domain.ProposalId;
import cn.jiangmen.innovation.project.domain.Proposals;
import cn.jiangmen.innovation.project.domain.execution.ApprovedProject;
import cn.jiangmen.innovation.project.domain.execution.CheckReviewOutcome;
import cn.jiangmen.innovation.project.domain.execution.CheckRound;
import cn.jiangmen.innovation.project.domain.execution.CheckRounds;
import cn.jiangmen.innovation.project.domain.execution.CheckVerdict;
import cn.jiangmen.innovation.project.domain.execution.ExecutionProjects;
import cn.jiangmen.innovation.project.domain.execution.Fen;
import cn.jiangmen.innovation.project.domain.execution.FundRecoveryCase;
import cn.jiangmen.innovation.project.domain.execution.KpiTarget;
import cn.jiangmen.innovation.project.domain.execution.PlannedMilestone;
import cn.jiangmen.innovation.project.domain.execution.ProjectStage;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/**
 * Mid-term checks (中期检查) and final acceptance (验收): the manager opens a round, which hands the
 * round to review-service's expert panel through the outbox (kind MID_TERM_CHECK or
 * FINAL_ACCEPTANCE, the consortium's organisations for conflicts). The outcome is pass, rectify
 * (整改) by a date, or fail: from the panel ({@link #recordReview}, review-service's
 * {@code RecordCheckRoundOutcome}, idempotent) or recorded by the manager (an on-site check, and
 * the decision after a rectification). A failed round marks the project FAILED, opens a recovery
 * case (资金追回) and writes the recovery demand for funding-service to the outbox, in the same
 * transaction.
 */
@Service
public class CheckRoundCommands {

	static final String OBJECT_TYPE = "check_round";

	/** An outcome as sent, not yet checked. */
	public record OutcomeInput(String outcome, String panelScore, String reasons, String rectifyBy) {
	}

	private final ProjectLookup lookup;

	private final ExecutionProjects projects;

	private final CheckRounds rounds;

	private final Audit audit;

	private final Proposals proposals;

	private final Outbox outbox;

	private final JsonMapper json;

	private final CheckRoundProperties settings;

	public CheckRoundCommands(ProjectLookup lookup, ExecutionProjects projects, CheckRounds rounds, Audit audit,
			Proposals proposals, Outbox outbox, JsonMapper json, CheckRoundProperties settings) {
		this.lookup = lookup;
		this.projects = projects;
		this.rounds = rounds;
		this.audit = audit;
		this.proposals = proposals;
		this.outbox = outbox;
		this.json = json;
		this.settings = settings;
	}

	@Transactional
	public CheckRound open(ProjectId projectId, String kindText, Caller caller) {
		ApprovedProject project = this.lookup.forManager(projectId, caller);
		CheckRound.Kind kind;
		try {
			kind = CheckRound.Kind.valueOf(String.valueOf(kindText).strip());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException("kind", "check-round.kind", "must be MID_TERM or FINAL_ACCEPTANCE");
		}
		if (kind == CheckRound.Kind.FINAL_ACCEPTANCE) {
			List<PlannedMilestone> open = this.projects.milestones(projectId, 0, Integer.MAX_VALUE)
				.stream()
				.filter(milestone -> milestone.state() != MilestoneState.ACCEPTED)
				.toList();
			if (!open.isEmpty() && project.stage() == ProjectStage.EXECUTION) {
				throw new ConflictException("check-round.milestones-open", "Final acceptance needs every milestone accepted; "
						+ open.size() + " are not: " + open.stream()
							.map(milestone -> "'" + milestone.title() + "' (" + milestone.state() + ")")
							.collect(Collectors.joining(", ")));
			}
		}
		Instant now = this.lookup.now();
		ApprovedProject moved = this.lookup.move(project, kind == CheckRound.Kind.MID_TERM
				? ProjectStage.Action.OPEN_MID_TERM : ProjectStage.Action.OPEN_FINAL_ACCEPTANCE);
		CheckRound round = CheckRound.open(projectId, kind, caller.username(), now);
		if (!this.rounds.add(round)) {
			throw new ConflictException("check-round.open-exists", "Project " + projectId + " already has an open round");
		}
		this.audit.record(caller.username(), now, "check-round.opened", OBJECT_TYPE, round.id(), null, Snapshots.of(round));
		this.audit.record(caller.username(), now, "project.stage-changed", "project", projectId, Snapshots.of(project),
				Snapshots.of(moved));
		this.outbox.add(OutboxMessage.pending(CheckRoundReviewPayload.DESTINATION, CheckRoundReviewPayload.keyOf(round.id()),
				this.json.writeValueAsString(reviewPayload(project, round, now)), now));
		return round;
	}

	/**
	 * review-service reports the expert panel's outcome of a round (service account only). Idempotent
	 * by key: a redelivery gets the round as it is now and changes nothing; the key reused for another
	 * outcome is refused naming {@code idempotencyKey}. Checks 403 → 400 → 404 → 409 (the caller is
	 * a service, so there is nothing to hide by answering 404 late).
	 */
	@Transactional
	public CheckRound recordReview(Caller caller, String idempotencyKey, CheckReviewOutcome outcome) {
		if (!ProjectAccess.isService(caller)) {
			throw new AccessDeniedException("Only the service account records review outcomes");
		}
		List<FieldViolation> violations = new ArrayList<>();
		if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 100) {
			violations.add(new FieldViolation("idempotencyKey", "required", "must be 1 to 100 characters"));
		}
		if (outcome.finalScoreHundredths() < 0 || outcome.finalScoreHundredths() > 10000) {
			violations.add(new FieldViolation("finalScoreHundredths", "range", "must be from 0 to 10000"));
		}
		if (outcome.reviewItemId() == null || outcome.reviewItemId().isBlank() || outcome.reviewItemId().length() > 100) {
			violations.add(new FieldViolation("reviewItemId", "required", "must be 1 to 100 characters"));
		}
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		CheckRound before = this.rounds.find(outcome.checkRoundId())
			.orElseThrow(() -> new NotFoundException("Check round", outcome.checkRoundId()));
		CheckReviewOutcome normalised = new CheckReviewOutcome(outcome.checkRoundId(), outcome.reviewItemId(),
				outcome.rank(), outcome.finalScoreHundredths(), outcome.passedThresholds(),
				outcome.confirmedAt() == null ? null : outcome.confirmedAt().truncatedTo(ChronoUnit.MICROS));
		Instant now = this.lookup.now();
		if (!this.rounds.claim(idempotencyKey, normalised, now)) {
			Optional<CheckReviewOutcome> first = this.rounds.reviewOutcome(idempotencyKey);
			if (first.isPresent() && first.get().equals(normalised)) {
				return before;
			}
			if (first.isPresent()) {
				throw new InvalidInputException("idempotencyKey", "idempotency-key.reused",
						"was already used for a different request");
			}
			throw new ConflictException("check-round.reviewed", "The panel's outcome of round " + before.id()
					+ " was recorded already under another key");
		}
		if (before.state() != CheckRound.State.OPEN) {
			throw new ConflictException("check-round.state", "A round that is " + before.state()
					+ " no longer takes the panel's outcome (the manager decided it meanwhile)");
		}
		ApprovedProject project = this.projects.find(before.projectId()).orElseThrow();
		CheckVerdict verdict = CheckVerdict.of(normalised.passedThresholds(), normalised.finalScoreHundredths(),
				this.settings.rectifyFloorHundredths(), this.lookup.today(), this.settings.rectifyPeriod());
		String by = "review-service (" + caller.username() + ")";
		CheckRound after = before.record(verdict.outcome(), verdict.panelScore(), verdict.reasons(),
				verdict.rectifyBy().orElse(null), by, now);
		return finish(project, before, after, by, now);
	}

	@Transactional
	public CheckRound record(ProjectId projectId, UUID roundId, OutcomeInput input, Caller caller) {
		ApprovedProject project = this.lookup.forManager(projectId, caller);
		CheckRound before = this.rounds.find(projectId, roundId)
			.orElseThrow(() -> new NotFoundException("Check round", roundId));
		List<FieldViolation> violations = new ArrayList<>();
		CheckRound.Outcome outcome = null;
		try {
			outcome = CheckRound.Outcome.valueOf(String.valueOf(input.outcome()).strip());
		}
		catch (IllegalArgumentException ex) {
			violations.add(new FieldViolation("outcome", "check-round.outcome", "must be PASS, RECTIFY or FAIL"));
		}
		BigDecimal score = KpiTarget.amount(input.panelScore(), "panelScore", violations);
		if (score != null && score.compareTo(BigDecimal.valueOf(100)) > 0) {
			violations.add(new FieldViolation("panelScore", "check-round.score-range", "must be from 0 to 100"));
		}
		String reasons = null;
		if (outcome != CheckRound.Outcome.PASS) {
			reasons = KpiTarget.text(input.reasons(), "reasons", 4000, violations);
		}
		else if (input.reasons() != null && !input.reasons().isBlank()) {
			reasons = input.reasons().strip();
		}
		LocalDate rectifyBy = null;
		if (outcome == CheckRound.Outcome.RECTIFY) {
			try {
				rectifyBy = LocalDate.parse(String.valueOf(input.rectifyBy()).strip());
				if (!rectifyBy.isAfter(this.lookup.today())) {
					violations.add(new FieldViolation("rectifyBy", "date.not-future", "must be after today"));
				}
			}
			catch (DateTimeParseException ex) {
				violations.add(new FieldViolation("rectifyBy", "date.malformed",
						"must be the rectification deadline as yyyy-MM-dd"));
			}
		}
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		Instant now = this.lookup.now();
		CheckRound after = before.record(outcome, score, reasons, rectifyBy, caller.username(), now);
		return finish(project, before, after, caller.username(), now);
	}

	/** Writes the outcome; a finished round moves the project, and a failed one marks it for recovery. */
	private CheckRound finish(ApprovedProject project, CheckRound before, CheckRound after, String by, Instant now) {
		if (!this.rounds.update(after)) {
			throw ProjectLookup.concurrent("check-round");
		}
		this.audit.record(by, now, "check-round.outcome-recorded", OBJECT_TYPE, after.id(), Snapshots.of(before),
				Snapshots.of(after));
		if (after.isFinished()) {
			ApprovedProject moved = this.lookup.move(project,
					after.state() == CheckRound.State.PASSED ? ProjectStage.Action.PASS : ProjectStage.Action.FAIL);
			this.audit.record(by, now, "project.stage-changed", "project", project.id(), Snapshots.of(project),
					Snapshots.of(moved));
			if (moved.stage() == ProjectStage.FAILED) {
				markForRecovery(moved, after, by, now);
			}
		}
		return after;
	}

	private CheckRoundReviewPayload reviewPayload(ApprovedProject project, CheckRound round, Instant now) {
		List<String> ids = new ArrayList<>();
		List<String> names = new ArrayList<>();
		Optional<Proposal> proposal = this.projects.proposalOf(project.id())
			.flatMap(id -> this.proposals.find(new ProposalId(id)));
		if (proposal.isPresent() && !proposal.get().content().organisations().isEmpty()) {
			for (ProposalContent.Party party : proposal.get().content().organisations()) {
				ids.add(party.organisationId().toString());
				names.add(party.name() == null ? "" : party.name());
			}
		}
		else {
			// a project recorded without its proposal: the lead is all that is known of the consortium
			ids.add(project.leadOrganisation().value().toString());
			names.add("");
		}
		String kind = round.kind() == CheckRound.Kind.MID_TERM ? "MID_TERM_CHECK" : "FINAL_ACCEPTANCE";
		String title = (round.kind() == CheckRound.Kind.MID_TERM ? "中期检查 Mid-term check: " : "验收 Final acceptance: ")
				+ project.title();
		return new CheckRoundReviewPayload(round.id().toString(), kind, title,
				project.fieldCode().map(List::of).orElse(List.of()), ids, names, now.toString());
	}

	/** The domain record funding's recovery (资金追回) starts from: released = accepted milestones' tranches. */
	private void markForRecovery(ApprovedProject project, CheckRound round, String by, Instant now) {
		long released = this.projects.milestones(project.id(), 0, Integer.MAX_VALUE)
			.stream()
			.filter(milestone -> milestone.state() == MilestoneState.ACCEPTED)
			.mapToLong(PlannedMilestone::trancheFen)
			.sum();
		String reason = (round.kind() == CheckRound.Kind.MID_TERM ? "Failed mid-term check" : "Failed final acceptance")
				+ " (panel score " + round.panelScore().map(BigDecimal::toPlainString).orElse("-") + "): "
				+ round.reasons().orElse("");
		FundRecoveryCase recovery = new FundRecoveryCase(UUID.randomUUID(), project.id(), round.id(), reason,
				project.approvedFiscalFen(), released, now);
		this.rounds.add(recovery);
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("recoveryCaseId", recovery.id().toString());
		after.put("checkRoundId", round.id().toString());
		after.put("approvedFiscal", Fen.words(project.approvedFiscalFen()));
		after.put("released", Fen.words(released));
		after.put("reason", reason);
		// funding raises the demand (four eyes there: prepared by the system, decided by a finance approver)
		this.outbox.add(OutboxMessage.pending(RecoveryDemandPayload.DESTINATION, RecoveryDemandPayload.keyOf(project.id()),
				this.json.writeValueAsString(new RecoveryDemandPayload(project.id().toString(), recovery.id().toString(),
						round.id().toString(), reason, released)),
				now));
		this.audit.record(by, now, "project.marked-for-recovery", "project", project.id(), null, after);
	}

}
