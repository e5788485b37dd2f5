package cn.jiangmen.innovation.project.application.execution;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import cn.jiangmen.innovation.platform.audit.Audit;
import cn.jiangmen.innovation.platform.domain.Caller;
import cn.jiangmen.innovation.platform.error.ConflictException;
import cn.jiangmen.innovation.platform.error.FieldViolation;
import cn.jiangmen.innovation.platform.error.InvalidInputException;
import cn.jiangmen.innovation.platform.error.NotFoundException;
import cn.jiangmen.innovation.project.domain.MilestoneState;
import cn.jiangmen.innovation.project.domain.ProjectId;
import cn.jiangmen.innovation.project.domain.execution.ApprovedProject;
import cn.jiangmen.innovation.project.domain.execution.CheckRound;
import cn.jiangmen.innovation.project.domain.execution.CheckRounds;
import cn.jiangmen.innovation.project.domain.execution.ExecutionProjects;
import cn.jiangmen.innovation.project.domain.execution.Fen;
import cn.jiangmen.innovation.project.domain.execution.FundRecoveryCase;
import cn.jiangmen.innovation.project.domain.execution.KpiTarget;
import cn.jiangmen.innovation.project.domain.execution.PlannedMilestone;
import cn.jiangmen.innovation.project.domain.execution.ProjectStage;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Mid-term checks (中期检查) and final acceptance (验收): the manager opens a round, then records
 * the outcome with the panel's score: pass, rectify (整改) by a date, or fail. A failed round
 * marks the project FAILED and opens a recovery case (资金追回) for funding in the same transaction.
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

	public CheckRoundCommands(ProjectLookup lookup, ExecutionProjects projects, CheckRounds rounds, Audit audit) {
		this.lookup = lookup;
		this.projects = projects;
		this.rounds = rounds;
		this.audit = audit;
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
		return round;
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
		if (!this.rounds.update(after)) {
			throw ProjectLookup.concurrent("check-round");
		}
		this.audit.record(caller.username(), now, "check-round.outcome-recorded", OBJECT_TYPE, roundId,
				Snapshots.of(before), Snapshots.of(after));
		if (after.isFinished()) {
			ApprovedProject moved = this.lookup.move(project,
					after.state() == CheckRound.State.PASSED ? ProjectStage.Action.PASS : ProjectStage.Action.FAIL);
			this.audit.record(caller.username(), now, "project.stage-changed", "project", projectId,
					Snapshots.of(project), Snapshots.of(moved));
			if (moved.stage() == ProjectStage.FAILED) {
				markForRecovery(moved, after, caller, now);
			}
		}
		return after;
	}

	/** The domain record funding's recovery (资金追回) starts from: released = accepted milestones' tranches. */
	private void markForRecovery(ApprovedProject project, CheckRound round, Caller caller, Instant now) {
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
		this.audit.record(caller.username(), now, "project.marked-for-recovery", "project", project.id(), null, after);
	}

}
