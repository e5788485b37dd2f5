package cn.jiangmen.innovation.review.application;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import cn.jiangmen.innovation.platform.audit.Audit;
import cn.jiangmen.innovation.platform.domain.Caller;
import cn.jiangmen.innovation.platform.error.ConflictException;
import cn.jiangmen.innovation.platform.error.InvalidInputException;
import cn.jiangmen.innovation.platform.error.NotFoundException;
import cn.jiangmen.innovation.platform.outbox.Outbox;
import cn.jiangmen.innovation.platform.outbox.OutboxMessage;
import cn.jiangmen.innovation.review.domain.Aggregation;
import cn.jiangmen.innovation.review.domain.Assigner;
import cn.jiangmen.innovation.review.domain.Assignment;
import cn.jiangmen.innovation.review.domain.AssignmentId;
import cn.jiangmen.innovation.review.domain.Assignments;
import cn.jiangmen.innovation.review.domain.Conflict;
import cn.jiangmen.innovation.review.domain.ConflictReason;
import cn.jiangmen.innovation.review.domain.ConflictRules;
import cn.jiangmen.innovation.review.domain.Conflicts;
import cn.jiangmen.innovation.review.domain.Consensus;
import cn.jiangmen.innovation.review.domain.ConsensusReports;
import cn.jiangmen.innovation.review.domain.Expert;
import cn.jiangmen.innovation.review.domain.ExpertId;
import cn.jiangmen.innovation.review.domain.Experts;
import cn.jiangmen.innovation.review.domain.FinalRanking;
import cn.jiangmen.innovation.review.domain.OpenRound;
import cn.jiangmen.innovation.review.domain.ItemKind;
import cn.jiangmen.innovation.review.domain.OwningContext;
import cn.jiangmen.innovation.review.domain.Rubric;
import cn.jiangmen.innovation.review.domain.StandardRubrics;
import cn.jiangmen.innovation.review.domain.RecordedConflict;
import cn.jiangmen.innovation.review.domain.ReviewAccess;
import cn.jiangmen.innovation.review.domain.ReviewItem;
import cn.jiangmen.innovation.review.domain.ReviewItemId;
import cn.jiangmen.innovation.review.domain.ReviewItems;
import cn.jiangmen.innovation.review.domain.ReviewRound;
import cn.jiangmen.innovation.review.domain.ReviewState;
import cn.jiangmen.innovation.review.domain.RoundId;
import cn.jiangmen.innovation.review.domain.Rounds;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/**
 * The manager's side of a round: open it (detecting conflicts against the pool), assign experts
 * automatically or by hand (a conflicted assignment is always refused), record manual conflicts,
 * name rapporteurs, and confirm the panel ranking (which queues the outcomes for the owning service
 * in the same transaction). Every change is audited.
 */
@Service
@Transactional
public class RoundCommands {

	private final Rounds rounds;

	private final ReviewItems items;

	private final Experts experts;

	private final Conflicts conflicts;

	private final Assignments assignments;

	private final ConsensusReports consensus;

	private final Outbox outbox;

	private final Audit audit;

	private final JsonMapper json;

	private final Clock clock;

	RoundCommands(Rounds rounds, ReviewItems items, Experts experts, Conflicts conflicts, Assignments assignments,
			ConsensusReports consensus, Outbox outbox, Audit audit, JsonMapper json, Clock clock) {
		this.rounds = rounds;
		this.items = items;
		this.experts = experts;
		this.conflicts = conflicts;
		this.assignments = assignments;
		this.consensus = consensus;
		this.outbox = outbox;
		this.audit = audit;
		this.json = json;
		this.clock = clock;
	}

	public record Opened(ReviewRound round, int conflictsDetected) {
	}

	public record AutoAssigned(List<Assignment> added, Map<ReviewItemId, Integer> shortfalls) {
	}

	public Opened open(Caller caller, Supplier<OpenRound> input) {
		if (!ReviewAccess.mayOpenReviews(caller)) {
			throw new AccessDeniedException("Only program managers and the service account open rounds");
		}
		Instant now = now();
		OpenRound request = input.get();
		List<ReviewItem> found = this.items.findAll(request.items());
		Map<ReviewItemId, ReviewItem> byId = new LinkedHashMap<>();
		found.forEach(i -> byId.put(i.id(), i));
		List<cn.jiangmen.innovation.platform.error.FieldViolation> violations = new java.util.ArrayList<>();
		// the round's kind is its first item's; the others must share it
		ItemKind firstKind = java.util.Optional.ofNullable(byId.get(request.items().get(0))).map(ReviewItem::itemKind).orElse(null);
		for (int i = 0; i < request.items().size(); i++) {
			ReviewItem item = byId.get(request.items().get(i));
			String field = "reviewItemIds[" + i + "]";
			if (item == null) {
				violations.add(new cn.jiangmen.innovation.platform.error.FieldViolation(field, "not-found", "no such review item"));
			}
			else if (item.state() != ReviewState.AWAITING_ROUND) {
				violations.add(new cn.jiangmen.innovation.platform.error.FieldViolation(field, "state", "is already in a round"));
			}
			else if (item.owningContext() != request.owningContext()) {
				violations.add(new cn.jiangmen.innovation.platform.error.FieldViolation(field, "context", "belongs to another owning context"));
			}
			else if (firstKind != null && item.itemKind() != firstKind) {
				// a proposal and an acceptance are not ranked against each other, nor scored on one rubric
				violations.add(new cn.jiangmen.innovation.platform.error.FieldViolation(field, "kind",
						"is a " + item.itemKind() + " item; a round holds items of one kind (" + firstKind + ")"));
			}
		}
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		ItemKind kind = firstKind;
		Rubric rubric = request.rubric() != null ? request.rubric() : StandardRubrics.of(kind);
		ReviewRound round = new ReviewRound(RoundId.newId(), request.name(), request.owningContext(), rubric,
				request.blind(), request.deadline().truncatedTo(ChronoUnit.MICROS), request.reviewersPerItem(),
				request.maxItemsPerExpert(), request.disagreementLimit(), ReviewRound.State.OPEN, caller.username(), now,
				java.util.Optional.empty(), java.util.Optional.empty(), 0);
		this.rounds.add(round);
		int year = now.atZone(ZoneOffset.UTC).getYear();
		List<Expert> pool = this.experts.all();
		int detected = 0;
		for (ReviewItemId id : request.items()) {
			ReviewItem item = byId.get(id);
			this.rounds.addItem(round.id(), id);
			this.items.updateState(id, ReviewState.IN_REVIEW);
			for (Expert expert : pool) {
				for (Conflict conflict : ConflictRules.detect(expert, id, item.parties(), year)) {
					if (this.conflicts.addIfAbsent(new RecordedConflict(conflict, round.id(), "conflict-rules", now))) {
						detected++;
					}
				}
			}
		}
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("name", round.name());
		after.put("itemKind", kind.name());
		after.put("rubric", request.rubric() != null ? "given" : "standard for " + kind);
		after.put("items", request.items().stream().map(ReviewItemId::toString).toList());
		after.put("deadline", round.deadline().toString());
		after.put("reviewersPerItem", round.reviewersPerItem());
		after.put("maxItemsPerExpert", round.maxItemsPerExpert());
		after.put("blind", round.blind());
		after.put("conflictsDetected", detected);
		this.audit.record(caller.username(), now, "round.opened", "review_round", round.id(), null, after);
		return new Opened(round, detected);
	}

	public AutoAssigned autoAssign(Caller caller, RoundId roundId) {
		requireManager(caller);
		ReviewRound round = openRound(roundId);
		Instant now = now();
		List<ReviewItemId> roundItems = this.rounds.items(roundId);
		Map<ReviewItemId, ReviewItem> byId = new LinkedHashMap<>();
		this.items.findAll(roundItems).forEach(i -> byId.put(i.id(), i));
		List<Expert> pool = this.experts.all();
		int year = round.openedAt().atZone(ZoneOffset.UTC).getYear();
		// Conflicts: those recorded for the round plus a fresh check (profiles may have changed since opening).
		Set<Assigner.Pair> conflicted = new HashSet<>();
		this.conflicts.forRound(roundId)
			.forEach(c -> conflicted.add(new Assigner.Pair(c.conflict().item(), c.conflict().expert())));
		for (ReviewItem item : byId.values()) {
			for (Expert expert : pool) {
				for (Conflict c : ConflictRules.detect(expert, item.id(), item.parties(), year)) {
					this.conflicts.addIfAbsent(new RecordedConflict(c, roundId, "conflict-rules", now));
					conflicted.add(new Assigner.Pair(item.id(), expert.id()));
				}
			}
		}
		Set<Assigner.Pair> existing = new HashSet<>();
		for (Assignment a : this.assignments.forRound(roundId)) {
			if (a.isActive()) {
				existing.add(new Assigner.Pair(a.item(), a.expert()));
			}
			else {
				conflicted.add(new Assigner.Pair(a.item(), a.expert()));
			}
		}
		List<Assigner.Candidate> candidates = byId.values()
			.stream()
			.map(i -> new Assigner.Candidate(i.id(), Set.copyOf(i.fieldCodes())))
			.toList();
		Assigner.Result result = Assigner.assign(candidates, pool, conflicted, existing, round.reviewersPerItem(),
				round.maxItemsPerExpert());
		List<Assignment> added = new java.util.ArrayList<>();
		for (Assigner.Pair pair : result.added()) {
			Assignment a = Assignment.create(roundId, pair.item(), pair.expert(), Assignment.Source.AUTOMATIC,
					caller.username(), now);
			this.assignments.add(a);
			auditAssignment(caller, now, "assignment.created", a);
			added.add(a);
		}
		fillRapporteurs(roundId, caller, now);
		return new AutoAssigned(added, result.shortfalls());
	}

	/** A manual assignment; refused when any conflict is known or detected now, whoever asks. */
	public Assignment assign(Caller caller, RoundId roundId, ReviewItemId itemId, ExpertId expertId) {
		requireManager(caller);
		ReviewRound round = openRound(roundId);
		Instant now = now();
		if (!this.rounds.items(roundId).contains(itemId)) {
			throw new InvalidInputException("reviewItemId", "not-in-round", "is not an item of this round");
		}
		Expert expert = this.experts.find(expertId)
			.orElseThrow(() -> new InvalidInputException("expert", "not-found", "is not in the expert pool"));
		ReviewItem item = this.items.find(itemId).orElseThrow(() -> new NotFoundException("Review item", itemId));
		List<Conflict> detected = ConflictRules.detect(expert, itemId, item.parties(),
				round.openedAt().atZone(ZoneOffset.UTC).getYear());
		detected.forEach(c -> this.conflicts.addIfAbsent(new RecordedConflict(c, roundId, "conflict-rules", now)));
		if (!detected.isEmpty() || this.conflicts.exists(itemId, expertId)) {
			Map<String, Object> attempt = Map.of("item", itemId.toString(), "expert", expertId.subject());
			this.audit.recordRefusal(caller.username(), now, "assignment.refused-conflict", "review_round", roundId, attempt);
			throw new ConflictException("assignment.conflict",
					"The expert has a conflict of interest with this item and cannot be assigned");
		}
		Assignment a = Assignment.create(roundId, itemId, expertId, Assignment.Source.MANUAL, caller.username(), now);
		this.assignments.add(a);
		auditAssignment(caller, now, "assignment.created", a);
		fillRapporteurs(roundId, caller, now);
		return a;
	}

	/** Removes an unsubmitted assignment; one of another round is not found. */
	public void unassign(Caller caller, RoundId roundId, AssignmentId id) {
		requireManager(caller);
		Assignment a = this.assignments.find(id)
			.filter(x -> x.round().equals(roundId))
			.orElseThrow(() -> new NotFoundException("Assignment", id));
		openRound(a.round());
		if (a.sheetStatus() == Assignment.SheetStatus.SUBMITTED) {
			throw new ConflictException("assignment.submitted", "A submitted review cannot be unassigned");
		}
		this.assignments.delete(id);
		Instant now = now();
		auditAssignment(caller, now, "assignment.removed", a);
		if (a.expert().equals(this.rounds.rapporteurs(a.round()).get(a.item()))) {
			this.rounds.setRapporteur(a.round(), a.item(), null);
			fillRapporteurs(a.round(), caller, now);
		}
	}

	/** A manager's conflict; an unsubmitted assignment of the pair is removed with it. */
	public RecordedConflict addManualConflict(Caller caller, RoundId roundId, ReviewItemId itemId, ExpertId expertId,
			String detail) {
		requireManager(caller);
		openRound(roundId);
		String text = detail == null ? "" : detail.strip();
		if (text.isEmpty() || text.length() > 500) {
			throw new InvalidInputException("detail", "required", "must be 1 to 500 characters");
		}
		if (!this.rounds.items(roundId).contains(itemId)) {
			throw new InvalidInputException("reviewItemId", "not-in-round", "is not an item of this round");
		}
		this.experts.find(expertId)
			.orElseThrow(() -> new InvalidInputException("expert", "not-found", "is not in the expert pool"));
		Instant now = now();
		RecordedConflict recorded = new RecordedConflict(new Conflict(expertId, itemId, ConflictReason.MANUAL, text),
				roundId, caller.username(), now);
		this.conflicts.addIfAbsent(recorded);
		this.audit.record(caller.username(), now, "conflict.added", "review_round", roundId, null,
				Map.of("item", itemId.toString(), "expert", expertId.subject(), "reason", "MANUAL", "detail", text));
		this.assignments.find(itemId, expertId).ifPresent(a -> {
			if (a.sheetStatus() == Assignment.SheetStatus.SUBMITTED) {
				throw new ConflictException("assignment.submitted",
						"The expert already submitted a review; remove it explicitly after recording the conflict");
			}
			this.assignments.delete(a.id());
			auditAssignment(caller, now, "assignment.removed", a);
			if (a.expert().equals(this.rounds.rapporteurs(roundId).get(itemId))) {
				this.rounds.setRapporteur(roundId, itemId, null);
				fillRapporteurs(roundId, caller, now);
			}
		});
		return recorded;
	}

	public void setRapporteur(Caller caller, RoundId roundId, ReviewItemId itemId, ExpertId expertId) {
		requireManager(caller);
		openRound(roundId);
		Assignment a = this.assignments.find(itemId, expertId)
			.filter(x -> x.round().equals(roundId) && x.isActive())
			.orElseThrow(() -> new InvalidInputException("expert", "not-assigned",
					"must be an expert assigned to the item without conflict"));
		Instant now = now();
		ExpertId before = this.rounds.rapporteurs(roundId).get(itemId);
		this.rounds.setRapporteur(roundId, itemId, a.expert());
		this.audit.record(caller.username(), now, "rapporteur.set", "review_round", roundId,
				before == null ? null : Map.of("item", itemId.toString(), "rapporteur", before.subject()),
				Map.of("item", itemId.toString(), "rapporteur", expertId.subject()));
	}

	/**
	 * Confirms the panel ranking: every item needs a consensus report. Items become RANKED and, for
	 * talent items, one outbox message per item is written in this same transaction.
	 */
	public List<FinalRanking.Outcome> confirm(Caller caller, RoundId roundId) {
		requireManager(caller);
		ReviewRound round = openRound(roundId);
		Instant now = now();
		List<ReviewItemId> roundItems = this.rounds.items(roundId);
		List<Consensus> reports = this.consensus.forRound(roundId);
		Set<ReviewItemId> withReport = new HashSet<>();
		reports.forEach(r -> withReport.add(r.item()));
		List<String> missing = roundItems.stream().filter(i -> !withReport.contains(i)).map(ReviewItemId::toString).toList();
		if (!missing.isEmpty()) {
			throw new ConflictException("consensus.missing",
					"Every item needs a consensus report before confirmation; missing: " + String.join(", ", missing));
		}
		List<cn.jiangmen.innovation.review.domain.SubmittedScore> scores = this.assignments.forRound(roundId)
			.stream()
			.flatMap(a -> a.submittedScore().stream())
			.toList();
		List<FinalRanking.Outcome> outcomes = FinalRanking.rank(reports,
				Aggregation.aggregate(round.rubric(), roundItems, scores, round.disagreementLimit()));
		this.rounds.update(round.confirmed(caller.username(), now));
		Map<ReviewItemId, ReviewItem> byId = new LinkedHashMap<>();
		this.items.findAll(roundItems).forEach(i -> byId.put(i.id(), i));
		for (FinalRanking.Outcome outcome : outcomes) {
			this.items.updateState(outcome.item(), ReviewState.RANKED);
			ReviewItem item = byId.get(outcome.item());
			String destination = item.owningContext() == OwningContext.TALENT ? OutboxMessage.TALENT_OUTCOME
					: item.itemKind().isCheck() ? ReviewOutcomePayload.CHECK_OUTCOME : ReviewOutcomePayload.PROJECT_OUTCOME;
			this.outbox.add(OutboxMessage.pending(destination, "review-outcome-" + item.id(),
					this.json.writeValueAsString(ReviewOutcomePayload.of(item, outcome, now)), now));
		}
		this.audit.record(caller.username(), now, "round.confirmed", "review_round", roundId, Map.of("state", "OPEN"),
				Map.of("state", "CONFIRMED", "ranking", outcomes.stream()
					.map(o -> Map.of("item", o.item().toString(), "rank", o.rank(), "finalHundredths", o.finalHundredths(),
							"passed", o.passedThresholds()))
					.toList()));
		return outcomes;
	}

	private void fillRapporteurs(RoundId roundId, Caller caller, Instant now) {
		Map<ReviewItemId, ExpertId> current = this.rounds.rapporteurs(roundId);
		Map<ReviewItemId, ExpertId> first = new LinkedHashMap<>();
		for (Assignment a : this.assignments.forRound(roundId)) {
			if (a.isActive() && !current.containsKey(a.item())) {
				first.merge(a.item(), a.expert(), (x, y) -> x.compareTo(y) <= 0 ? x : y);
			}
		}
		first.forEach((item, expert) -> {
			this.rounds.setRapporteur(roundId, item, expert);
			this.audit.record(caller.username(), now, "rapporteur.set", "review_round", roundId, null,
					Map.of("item", item.toString(), "rapporteur", expert.subject()));
		});
	}

	private void auditAssignment(Caller caller, Instant now, String action, Assignment a) {
		Map<String, Object> state = Map.of("round", a.round().toString(), "item", a.item().toString(), "expert",
				a.expert().subject(), "source", a.source().name());
		this.audit.record(caller.username(), now, action, "assignment", a.id(),
				action.endsWith("removed") ? state : null, action.endsWith("removed") ? null : state);
	}

	ReviewRound openRound(RoundId id) {
		ReviewRound round = this.rounds.find(id).orElseThrow(() -> new NotFoundException("Review round", id));
		if (!round.isOpen()) {
			throw new ConflictException("round.confirmed", "The round is confirmed and can no longer change");
		}
		return round;
	}

	static void requireManager(Caller caller) {
		if (!ReviewAccess.isManager(caller)) {
			throw new AccessDeniedException("Only program managers manage review rounds");
		}
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

}
