package cn.jiangmen.innovation.review.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import cn.jiangmen.innovation.platform.error.ConflictException;
import cn.jiangmen.innovation.platform.error.FieldViolation;
import cn.jiangmen.innovation.platform.error.InvalidInputException;

/**
 * One expert assigned to one item, with the expert's declaration and individual review (scores
 * per criterion with comments, a draft until submitted). Immutable: changes return a new value
 * with the same version, which the store checks (optimistic locking).
 */
public record Assignment(AssignmentId id, RoundId round, ReviewItemId item, ExpertId expert, Source source,
		String assignedBy, Instant assignedAt, Declaration declaration, Optional<Instant> declaredAt,
		SheetStatus sheetStatus, Map<String, Integer> scores, Map<String, String> comments, String overallComment,
		Optional<Instant> submittedAt, long version) {

	public enum Source {

		AUTOMATIC, MANUAL

	}

	public enum Declaration {

		/** Nothing declared yet: the expert sees only the title. */
		PENDING,
		/** The expert declared no conflict: the full content is shown. */
		NO_CONFLICT,
		/** The expert declared a conflict: the assignment is void. */
		CONFLICT

	}

	public enum SheetStatus {

		NOT_STARTED, DRAFT, SUBMITTED

	}

	public static final int MAX_COMMENT = 4000;

	public Assignment {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(round, "round");
		Objects.requireNonNull(item, "item");
		Objects.requireNonNull(expert, "expert");
		scores = Map.copyOf(scores);
		comments = Map.copyOf(comments);
		overallComment = overallComment == null ? "" : overallComment;
	}

	public static Assignment create(RoundId round, ReviewItemId item, ExpertId expert, Source source, String by,
			Instant at) {
		return new Assignment(AssignmentId.newId(), round, item, expert, source, by, at, Declaration.PENDING,
				Optional.empty(), SheetStatus.NOT_STARTED, Map.of(), Map.of(), "", Optional.empty(), 0);
	}

	public boolean isFor(ExpertId caller) {
		return this.expert.equals(caller);
	}

	/** The expert may read the item's full content only after declaring no conflict. */
	public boolean showsContent() {
		return this.declaration == Declaration.NO_CONFLICT;
	}

	public boolean isActive() {
		return this.declaration != Declaration.CONFLICT;
	}

	public Assignment declare(boolean conflict, Instant at) {
		if (this.declaration != Declaration.PENDING) {
			throw new ConflictException("declaration.done", "The declaration for this assignment was already made");
		}
		return new Assignment(this.id, this.round, this.item, this.expert, this.source, this.assignedBy,
				this.assignedAt, conflict ? Declaration.CONFLICT : Declaration.NO_CONFLICT, Optional.of(at),
				this.sheetStatus, this.scores, this.comments, this.overallComment, this.submittedAt, this.version);
	}

	/** Saves a draft (partial scores allowed) or submits (all criteria scored). */
	public Assignment score(Rubric rubric, Map<String, Integer> newScores, Map<String, String> newComments,
			String newOverallComment, boolean submit, Instant at) {
		if (!showsContent()) {
			throw new ConflictException("declaration.required", "Declare no conflict before scoring");
		}
		if (this.sheetStatus == SheetStatus.SUBMITTED) {
			throw new ConflictException("review.submitted", "The review was already submitted");
		}
		List<FieldViolation> violations = new ArrayList<>(rubric.check(newScores, submit, "scores"));
		Map<String, String> cleanComments = new LinkedHashMap<>();
		newComments.forEach((code, text) -> {
			if (rubric.criteria().stream().noneMatch(c -> c.code().equals(code))) {
				violations.add(new FieldViolation("comments." + code, "unknown", "is not a criterion of this rubric"));
			}
			else if (text != null && text.length() > MAX_COMMENT) {
				violations.add(new FieldViolation("comments." + code, "too-long", "must be at most " + MAX_COMMENT + " characters"));
			}
			else if (text != null && !text.isBlank()) {
				cleanComments.put(code, text.strip());
			}
		});
		String overall = newOverallComment == null ? "" : newOverallComment.strip();
		if (overall.length() > MAX_COMMENT) {
			violations.add(new FieldViolation("overallComment", "too-long", "must be at most " + MAX_COMMENT + " characters"));
		}
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		return new Assignment(this.id, this.round, this.item, this.expert, this.source, this.assignedBy,
				this.assignedAt, this.declaration, this.declaredAt, submit ? SheetStatus.SUBMITTED : SheetStatus.DRAFT,
				newScores, cleanComments, overall, submit ? Optional.of(at) : Optional.empty(), this.version);
	}

	/** Time from assignment to submitted review, for managers. */
	public Optional<Duration> turnaround() {
		return this.submittedAt.map(at -> Duration.between(this.assignedAt, at));
	}

	public Optional<SubmittedScore> submittedScore() {
		return this.sheetStatus == SheetStatus.SUBMITTED && isActive()
				? Optional.of(new SubmittedScore(this.item, this.expert, this.scores)) : Optional.empty();
	}

}
