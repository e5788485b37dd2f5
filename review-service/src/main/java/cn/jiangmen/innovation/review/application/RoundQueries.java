package cn.jiangmen.innovation.review.application;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.jiangmen.innovation.platform.domain.Caller;
import cn.jiangmen.innovation.platform.error.NotFoundException;
import cn.jiangmen.innovation.platform.paging.PageRequest;
import cn.jiangmen.innovation.review.domain.Aggregation;
import cn.jiangmen.innovation.review.domain.Assignment;
import cn.jiangmen.innovation.review.domain.Assignments;
import cn.jiangmen.innovation.review.domain.Conflicts;
import cn.jiangmen.innovation.review.domain.Consensus;
import cn.jiangmen.innovation.review.domain.ConsensusReports;
import cn.jiangmen.innovation.review.domain.Expert;
import cn.jiangmen.innovation.review.domain.ExpertId;
import cn.jiangmen.innovation.review.domain.Experts;
import cn.jiangmen.innovation.review.domain.FinalRanking;
import cn.jiangmen.innovation.review.domain.ItemResult;
import cn.jiangmen.innovation.review.domain.OwningContext;
import cn.jiangmen.innovation.review.domain.RecordedConflict;
import cn.jiangmen.innovation.review.domain.ReviewAccess;
import cn.jiangmen.innovation.review.domain.ReviewItem;
import cn.jiangmen.innovation.review.domain.ReviewItemId;
import cn.jiangmen.innovation.review.domain.ReviewItems;
import cn.jiangmen.innovation.review.domain.ReviewRound;
import cn.jiangmen.innovation.review.domain.RoundId;
import cn.jiangmen.innovation.review.domain.Rounds;
import cn.jiangmen.innovation.review.domain.SubmittedScore;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What managers, auditors and the service account see of rounds: matrix, conflicts, results. */
@Service
@Transactional(readOnly = true)
public class RoundQueries {

	private final Rounds rounds;

	private final ReviewItems items;

	private final Experts experts;

	private final Conflicts conflicts;

	private final Assignments assignments;

	private final ConsensusReports consensus;

	RoundQueries(Rounds rounds, ReviewItems items, Experts experts, Conflicts conflicts, Assignments assignments,
			ConsensusReports consensus) {
		this.rounds = rounds;
		this.items = items;
		this.experts = experts;
		this.conflicts = conflicts;
		this.assignments = assignments;
		this.consensus = consensus;
	}

	public record Matrix(ReviewRound round, List<ReviewItem> items, List<Expert> experts, List<Assignment> assignments,
			Map<ReviewItemId, ExpertId> rapporteurs, Map<ExpertId, Duration> meanTurnaround) {
	}

	public record ItemRow(ReviewItem item, ItemResult result, Optional<Consensus> consensus,
			Optional<FinalRanking.Outcome> outcome, List<Double> individualScores) {
	}

	public record Results(ReviewRound round, List<ItemRow> rows) {
	}

	public List<ReviewRound> all(Caller caller) {
		requireOverseer(caller);
		return this.rounds.all();
	}

	/** One page of {@link #all}. */
	public List<ReviewRound> page(Caller caller, PageRequest page) {
		requireOverseer(caller);
		return this.rounds.page(page.offset(), page.size());
	}

	/** Items waiting for a round, oldest first: what a manager picks a new round's items from. */
	public List<ReviewItem> awaitingRound(Caller caller, Optional<OwningContext> context, PageRequest page) {
		requireOverseer(caller);
		return this.items.awaitingRound(context, page.offset(), page.size());
	}

	public ReviewRound round(Caller caller, RoundId id) {
		requireOverseer(caller);
		return this.rounds.find(id).orElseThrow(() -> new NotFoundException("Review round", id));
	}

	public List<RecordedConflict> conflicts(Caller caller, RoundId id) {
		round(caller, id);
		return this.conflicts.forRound(id);
	}

	public Matrix matrix(Caller caller, RoundId id) {
		ReviewRound round = round(caller, id);
		List<Assignment> list = this.assignments.forRound(id);
		Map<ExpertId, long[]> turnaround = new HashMap<>();
		list.forEach(a -> a.turnaround().ifPresent(d -> {
			long[] t = turnaround.computeIfAbsent(a.expert(), k -> new long[2]);
			t[0] += d.toSeconds();
			t[1]++;
		}));
		Map<ExpertId, Duration> mean = new LinkedHashMap<>();
		turnaround.forEach((e, t) -> mean.put(e, Duration.ofSeconds(t[0] / t[1])));
		return new Matrix(round, this.items.findAll(this.rounds.items(id)), this.experts.all(), list,
				this.rounds.rapporteurs(id), mean);
	}

	public Results results(Caller caller, RoundId id) {
		ReviewRound round = round(caller, id);
		List<ReviewItemId> ids = this.rounds.items(id);
		List<Assignment> list = this.assignments.forRound(id);
		List<SubmittedScore> scores = list.stream().flatMap(a -> a.submittedScore().stream()).toList();
		List<ItemResult> aggregated = Aggregation.aggregate(round.rubric(), ids, scores, round.disagreementLimit());
		List<Consensus> reports = this.consensus.forRound(id);
		Map<ReviewItemId, Consensus> reportById = new HashMap<>();
		reports.forEach(r -> reportById.put(r.item(), r));
		Map<ReviewItemId, FinalRanking.Outcome> outcomes = new HashMap<>();
		if (!round.isOpen()) {
			FinalRanking.rank(reports, aggregated).forEach(o -> outcomes.put(o.item(), o));
		}
		Map<ReviewItemId, ReviewItem> byId = new HashMap<>();
		this.items.findAll(ids).forEach(i -> byId.put(i.id(), i));
		List<ItemRow> rows = aggregated.stream()
			.map(r -> new ItemRow(byId.get(r.item()), r, Optional.ofNullable(reportById.get(r.item())),
					Optional.ofNullable(outcomes.get(r.item())),
					scores.stream()
						.filter(s -> s.item().equals(r.item()))
						.map(s -> round.rubric().overallHundredths(s.criterionScores()) / 100.0)
						.sorted()
						.toList()))
			.toList();
		if (!outcomes.isEmpty()) {
			rows = rows.stream().sorted(java.util.Comparator.comparingInt(row -> row.outcome().map(FinalRanking.Outcome::rank).orElse(Integer.MAX_VALUE))).toList();
		}
		return new Results(round, rows);
	}

	private static void requireOverseer(Caller caller) {
		if (!ReviewAccess.overseesRounds(caller)) {
			throw new AccessDeniedException("Rounds are for program managers, auditors and the service account");
		}
	}

}
