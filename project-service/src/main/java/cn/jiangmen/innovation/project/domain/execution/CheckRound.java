package cn.jiangmen.innovation.project.domain.execution;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import cn.jiangmen.innovation.platform.error.ConflictException;
import cn.jiangmen.innovation.project.domain.ProjectId;

/**
 * A mid-term check (中期检查) or final acceptance (验收) round of one project, opened by the manager;
 * its outcome, as a table:
 *
 * <pre>
 * OPEN       --PASS--> PASSED | --RECTIFY--> RECTIFYING (整改, within a deadline) | --FAIL--> FAILED
 * RECTIFYING --PASS--> PASSED | --FAIL--> FAILED
 * </pre>
 *
 * The panel's score is recorded by the manager with every outcome (the review-service round comes
 * with the merge of the review hand-off).
 */
public record CheckRound(UUID id, ProjectId projectId, Kind kind, State state, String openedBy, Instant openedAt,
		Optional<BigDecimal> panelScore, Optional<String> reasons, Optional<LocalDate> rectifyBy,
		Optional<String> decidedBy, Optional<Instant> decidedAt, long version) {

	public enum Kind {

		MID_TERM, FINAL_ACCEPTANCE

	}

	public enum State {

		OPEN, RECTIFYING, PASSED, FAILED

	}

	public enum Outcome {

		PASS, RECTIFY, FAIL

	}

	private static final Map<State, Map<Outcome, State>> TABLE = new EnumMap<>(State.class);

	static {
		TABLE.put(State.OPEN, new EnumMap<>(Map.of(Outcome.PASS, State.PASSED, Outcome.RECTIFY, State.RECTIFYING,
				Outcome.FAIL, State.FAILED)));
		TABLE.put(State.RECTIFYING, new EnumMap<>(Map.of(Outcome.PASS, State.PASSED, Outcome.FAIL, State.FAILED)));
	}

	public CheckRound {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(projectId, "projectId");
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(state, "state");
	}

	/** Where {@code outcome} leads from {@code from}, or empty when the table does not allow it. */
	public static Optional<State> target(State from, Outcome outcome) {
		return Optional.ofNullable(TABLE.getOrDefault(from, Map.of()).get(outcome));
	}

	public static CheckRound open(ProjectId projectId, Kind kind, String by, Instant now) {
		return new CheckRound(UUID.randomUUID(), projectId, kind, State.OPEN, by, now, Optional.empty(),
				Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 0);
	}

	/** Records an outcome already checked for its inputs (score, reasons, deadline). */
	public CheckRound record(Outcome outcome, BigDecimal score, String reasons, LocalDate rectifyBy, String by,
			Instant now) {
		State next = target(this.state, outcome).orElseThrow(() -> new ConflictException("check-round.state",
				"A round that is " + this.state + " cannot take the outcome " + outcome));
		return new CheckRound(this.id, this.projectId, this.kind, next, this.openedBy, this.openedAt,
				Optional.of(score), Optional.ofNullable(reasons), Optional.ofNullable(rectifyBy), Optional.of(by),
				Optional.of(now), this.version + 1);
	}

	public boolean isFinished() {
		return this.state == State.PASSED || this.state == State.FAILED;
	}

}
