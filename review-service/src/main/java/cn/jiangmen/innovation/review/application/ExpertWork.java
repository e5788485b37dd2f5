package cn.jiangmen.innovation.review.application;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.jiangmen.innovation.platform.audit.Audit;
import cn.jiangmen.innovation.platform.domain.Caller;
import cn.jiangmen.innovation.platform.error.ConflictException;
import cn.jiangmen.innovation.platform.error.InvalidInputException;
import cn.jiangmen.innovation.platform.error.NotFoundException;
import cn.jiangmen.innovation.platform.paging.PageRequest;
import cn.jiangmen.innovation.review.domain.Assignment;
import cn.jiangmen.innovation.review.domain.AssignmentId;
import cn.jiangmen.innovation.review.domain.Assignments;
import cn.jiangmen.innovation.review.domain.Conflict;
import cn.jiangmen.innovation.review.domain.ConflictDetailCode;
import cn.jiangmen.innovation.review.domain.ConflictReason;
import cn.jiangmen.innovation.review.domain.Conflicts;
import cn.jiangmen.innovation.review.domain.Consensus;
import cn.jiangmen.innovation.review.domain.ConsensusReports;
import cn.jiangmen.innovation.review.domain.ExpertId;
import cn.jiangmen.innovation.review.domain.Experts;
import cn.jiangmen.innovation.review.domain.OwningContext;
import cn.jiangmen.innovation.review.domain.RecordedConflict;
import cn.jiangmen.innovation.review.domain.ReviewAccess;
import cn.jiangmen.innovation.review.domain.ReviewItem;
import cn.jiangmen.innovation.review.domain.ReviewItemId;
import cn.jiangmen.innovation.review.domain.ReviewItems;
import cn.jiangmen.innovation.review.domain.ReviewRound;
import cn.jiangmen.innovation.review.domain.RoundId;
import cn.jiangmen.innovation.review.domain.Rounds;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The expert's side: my assignments, the declaration per item before its content is shown, the
 * scoring sheet (drafts until submitted) and, for the rapporteur, the consensus report. An expert
 * only ever reaches their own assignments that are not conflicted; anything else is "not found".
 * Every view of full content, declaration, score and report is audited.
 */
@Service
@Transactional
public class ExpertWork {

	private final Assignments assignments;

	private final Rounds rounds;

	private final ReviewItems items;

	private final Conflicts conflicts;

	private final ConsensusReports consensus;

	private final Experts experts;

	private final Audit audit;

	private final Clock clock;

	ExpertWork(Assignments assignments, Rounds rounds, ReviewItems items, Conflicts conflicts,
			ConsensusReports consensus, Experts experts, Audit audit, Clock clock) {
		this.assignments = assignments;
		this.rounds = rounds;
		this.items = items;
		this.conflicts = conflicts;
		this.consensus = consensus;
		this.experts = experts;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * An assignment as its expert sees it: the item is empty until no conflict is declared; its title
	 * and organisations' names are shown before, so the expert can judge a conflict.
	 */
	public record AssignmentView(Assignment assignment, ReviewRound round, String itemTitle,
			List<String> organisationNames, Optional<ReviewItem> item, boolean rapporteur) {
	}

	/** What the rapporteur works from: the item, the submitted individual reviews and the report so far. */
	public record ConsensusContext(ReviewRound round, ReviewItem item, List<IndividualReview> reviews,
			Optional<Consensus> report, boolean allSubmitted) {
	}

	/** @param reviewer the expert's username, or "Reviewer n" in a blind round */
	public record IndividualReview(String reviewer, Map<String, Integer> scores, Map<String, String> comments,
			String overallComment, int overallHundredths) {
	}

	@Transactional(readOnly = true)
	public List<AssignmentView> mine(Caller caller) {
		return mine(caller, new PageRequest(0, Integer.MAX_VALUE));
	}

	/**
	 * One page of the caller's active assignments, newest first. Conflicted ones are left out here,
	 * not in SQL, so the page is cut after leaving them out (an expert has a few hundred at most).
	 */
	@Transactional(readOnly = true)
	public List<AssignmentView> mine(Caller caller, PageRequest page) {
		requireExpert(caller);
		List<AssignmentView> views = new ArrayList<>();
		List<Assignment> active = this.assignments.forExpert(ReviewAccess.expertId(caller))
			.stream()
			.filter(Assignment::isActive)
			.skip(page.offset())
			.limit(page.size())
			.toList();
		for (Assignment a : active) {
			ReviewRound round = this.rounds.find(a.round()).orElseThrow();
			ReviewItem item = this.items.find(a.item()).orElseThrow();
			views.add(new AssignmentView(a, round, item.title(), item.organisationNames(), Optional.empty(),
					ReviewAccess.expertId(caller).equals(this.rounds.rapporteurs(a.round()).get(a.item()))));
		}
		return views;
	}

	/** One of my assignments; the full item only after declaring no conflict (that view is audited). */
	public AssignmentView view(Caller caller, AssignmentId id) {
		Assignment a = mine(caller, id);
		ReviewRound round = this.rounds.find(a.round()).orElseThrow();
		ReviewItem item = this.items.find(a.item()).orElseThrow();
		boolean rapporteur = ReviewAccess.expertId(caller).equals(this.rounds.rapporteurs(a.round()).get(a.item()));
		if (!a.showsContent()) {
			return new AssignmentView(a, round, item.title(), item.organisationNames(), Optional.empty(), rapporteur);
		}
		this.audit.record(caller.username(), now(), "assignment.viewed", "assignment", a.id(), null,
				Map.of("item", a.item().toString()));
		return new AssignmentView(a, round, item.title(), item.organisationNames(), Optional.of(item), rapporteur);
	}

	/**
	 * Whether the calling expert may read the owner's documents of an item: they hold an active
	 * assignment to one of its review items and declared no conflict. The owning service asks
	 * before serving a reviewer a document; anyone else is simply not allowed.
	 */
	@Transactional(readOnly = true)
	public boolean mayReadOwnerItem(Caller caller, OwningContext context, java.util.UUID ownerItemId) {
		if (!ReviewAccess.isExpert(caller) || context == null || ownerItemId == null) {
			return false;
		}
		return this.items.findByOwner(context, ownerItemId)
			.stream()
			.flatMap(item -> this.assignments.find(item.id(), ReviewAccess.expertId(caller)).stream())
			.anyMatch(a -> a.isActive() && a.showsContent());
	}

	/** The item itself for an expert: only through a non-conflicted, declared assignment. */
	public ReviewItem item(Caller caller, ReviewItemId itemId) {
		requireExpert(caller);
		Assignment a = this.assignments.find(itemId, ReviewAccess.expertId(caller))
			.filter(Assignment::isActive)
			.orElseThrow(() -> new NotFoundException("Review item", itemId));
		if (!a.showsContent()) {
			throw new AccessDeniedException("Declare that you have no conflict of interest before reading the item");
		}
		this.audit.record(caller.username(), now(), "assignment.viewed", "assignment", a.id(), null,
				Map.of("item", itemId.toString()));
		return this.items.find(itemId).orElseThrow();
	}

	public Assignment declare(Caller caller, AssignmentId id, boolean conflict, String note) {
		Assignment a = mine(caller, id);
		ReviewRound round = requireOpen(a.round());
		String text = note == null ? "" : note.strip();
		if (text.length() > 500) {
			throw new InvalidInputException("note", "too-long", "must be at most 500 characters");
		}
		Instant now = now();
		Assignment saved = this.assignments.update(a.declare(conflict, now));
		if (conflict) {
			Conflict declared = text.isEmpty()
					? Conflict.coded(a.expert(), a.item(), ConflictReason.DECLARED, ConflictDetailCode.DECLARED)
					: Conflict.coded(a.expert(), a.item(), ConflictReason.DECLARED, ConflictDetailCode.DECLARED_NOTE, text);
			this.conflicts.addIfAbsent(new RecordedConflict(declared, round.id(), caller.username(), now));
			if (a.expert().equals(this.rounds.rapporteurs(round.id()).get(a.item()))) {
				this.rounds.setRapporteur(round.id(), a.item(), null);
			}
		}
		this.audit.record(caller.username(), now, conflict ? "declaration.conflict" : "declaration.no-conflict",
				"assignment", a.id(), Map.of("declaration", "PENDING"),
				Map.of("declaration", saved.declaration().name(), "note", text));
		return saved;
	}

	/**
	 * Saves the sheet at the version the client read ({@code expectedVersion}), as a draft or a
	 * submission. A stale version is a conflict (another tab saved meanwhile).
	 */
	public Assignment saveSheet(Caller caller, AssignmentId id, long expectedVersion, Map<String, Integer> scores,
			Map<String, String> comments, String overallComment, boolean submit) {
		Assignment a = mine(caller, id);
		ReviewRound round = requireOpen(a.round());
		if (a.version() != expectedVersion) {
			throw new ConflictException("assignment.stale",
					"The review was changed meanwhile (another tab or device); reload and try again");
		}
		Instant now = now();
		Assignment saved = this.assignments.update(a.score(round.rubric(), scores, comments, overallComment, submit, now));
		Map<String, Object> before = new LinkedHashMap<>();
		before.put("status", a.sheetStatus().name());
		before.put("scores", a.scores());
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("status", saved.sheetStatus().name());
		after.put("scores", saved.scores());
		after.put("comments", saved.comments());
		saved.turnaround().ifPresent(d -> after.put("secondsFromAssignment", d.toSeconds()));
		this.audit.record(caller.username(), now, submit ? "review.submitted" : "review.draft-saved", "assignment", a.id(),
				before, after);
		return saved;
	}

	public ConsensusContext consensusContext(Caller caller, RoundId roundId, ReviewItemId itemId) {
		ReviewRound round = requireRapporteur(caller, roundId, itemId);
		ReviewItem item = this.items.find(itemId).orElseThrow();
		List<IndividualReview> reviews = new ArrayList<>();
		boolean allSubmitted = true;
		int n = 0;
		for (Assignment a : this.assignments.forRound(roundId)) {
			if (!a.item().equals(itemId) || !a.isActive()) {
				continue;
			}
			if (a.sheetStatus() != Assignment.SheetStatus.SUBMITTED) {
				allSubmitted = false;
				continue;
			}
			n++;
			String name = round.blind() ? "#" + n
					: this.experts.find(a.expert()).map(e -> e.displayName()).orElse(a.expert().subject());
			reviews.add(new IndividualReview(name, a.scores(), a.comments(), a.overallComment(),
					round.rubric().overallHundredths(a.scores())));
		}
		this.audit.record(caller.username(), now(), "consensus.viewed", "review_item", itemId, null,
				Map.of("round", roundId.toString()));
		return new ConsensusContext(round, item, reviews, this.consensus.find(itemId), allSubmitted && n > 0);
	}

	public Consensus writeConsensus(Caller caller, RoundId roundId, ReviewItemId itemId, long expectedVersion,
			Map<String, Integer> finalScores, String report) {
		ReviewRound round = requireRapporteur(caller, roundId, itemId);
		boolean ready = this.assignments.forRound(roundId)
			.stream()
			.filter(a -> a.item().equals(itemId) && a.isActive())
			.allMatch(a -> a.sheetStatus() == Assignment.SheetStatus.SUBMITTED)
				&& this.assignments.forRound(roundId)
					.stream()
					.anyMatch(a -> a.item().equals(itemId) && a.sheetStatus() == Assignment.SheetStatus.SUBMITTED);
		if (!ready) {
			throw new ConflictException("consensus.reviews-pending",
					"Every assigned expert must submit their review before the consensus report");
		}
		Optional<Consensus> before = this.consensus.find(itemId);
		long current = before.map(Consensus::version).orElse(0L);
		if (current != expectedVersion) {
			throw new ConflictException("consensus.stale", "The consensus report was changed meanwhile; reload and try again");
		}
		Instant now = now();
		Consensus saved = this.consensus.save(Consensus.write(round.rubric(), itemId, roundId, ReviewAccess.expertId(caller),
				finalScores, report, now, current));
		this.audit.record(caller.username(), now, "consensus.written", "review_item", itemId,
				before.map(c -> Map.<String, Object>of("finalScores", c.finalScores(), "finalHundredths", c.finalHundredths()))
					.orElse(null),
				Map.of("finalScores", saved.finalScores(), "finalHundredths", saved.finalHundredths(), "failedThresholds",
						saved.failedThresholds()));
		return saved;
	}

	private ReviewRound requireRapporteur(Caller caller, RoundId roundId, ReviewItemId itemId) {
		requireExpert(caller);
		ExpertId rapporteur = this.rounds.rapporteurs(roundId).get(itemId);
		if (rapporteur == null || !rapporteur.equals(ReviewAccess.expertId(caller))) {
			throw new NotFoundException("Consensus of review item", itemId);
		}
		return requireOpen(roundId);
	}

	/** My active assignment, or not found (someone else's, conflicted, or no such id look the same). */
	private Assignment mine(Caller caller, AssignmentId id) {
		requireExpert(caller);
		return this.assignments.find(id)
			.filter(a -> a.isFor(ReviewAccess.expertId(caller)) && a.isActive())
			.orElseThrow(() -> new NotFoundException("Assignment", id));
	}

	private ReviewRound requireOpen(RoundId id) {
		ReviewRound round = this.rounds.find(id).orElseThrow(() -> new NotFoundException("Review round", id));
		if (!round.isOpen()) {
			throw new ConflictException("round.confirmed", "The round is confirmed and can no longer change");
		}
		return round;
	}

	private static void requireExpert(Caller caller) {
		if (!ReviewAccess.isExpert(caller)) {
			throw new AccessDeniedException("Only experts review");
		}
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

}
