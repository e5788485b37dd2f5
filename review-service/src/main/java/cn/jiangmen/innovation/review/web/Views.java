package cn.jiangmen.innovation.review.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.jiangmen.innovation.review.application.ExpertWork;
import cn.jiangmen.innovation.review.application.RoundCommands;
import cn.jiangmen.innovation.review.application.RoundQueries;
import cn.jiangmen.innovation.review.domain.Assignment;
import cn.jiangmen.innovation.review.domain.Consensus;
import cn.jiangmen.innovation.review.domain.Criterion;
import cn.jiangmen.innovation.review.domain.Expert;
import cn.jiangmen.innovation.review.domain.RecordedConflict;
import cn.jiangmen.innovation.review.domain.ReviewRound;

/** Response bodies of the review API. Scores are in points (overall 0..100) with two decimals. */
public final class Views {

	private Views() {
	}

	public record RoundView(UUID id, String name, String owningContext, boolean blind, Instant deadline,
			int reviewersPerItem, int maxItemsPerExpert, double disagreementLimit, String state, List<Criterion> criteria,
			int scaleMin, int scaleMax, int overallThresholdHundredths, String openedBy, Instant openedAt, long version) {

		public static RoundView of(ReviewRound r) {
			return new RoundView(r.id().value(), r.name(), r.owningContext().name(), r.blind(), r.deadline(),
					r.reviewersPerItem(), r.maxItemsPerExpert(), r.disagreementLimit(), r.state().name(),
					r.rubric().criteria(), r.rubric().scaleMin(), r.rubric().scaleMax(),
					r.rubric().overallThresholdHundredths(), r.openedBy(), r.openedAt(), r.version());
		}

	}

	public record OpenedRoundView(RoundView round, int conflictsDetected) {

		static OpenedRoundView of(RoundCommands.Opened opened) {
			return new OpenedRoundView(RoundView.of(opened.round()), opened.conflictsDetected());
		}

	}

	public record AssignmentView(UUID id, UUID roundId, UUID itemId, String expert, String source, String assignedBy,
			Instant assignedAt, String declaration, String sheetStatus, Map<String, Integer> scores,
			Map<String, String> comments, String overallComment, Instant submittedAt, Long secondsToSubmit, long version) {

		public static AssignmentView of(Assignment a) {
			return new AssignmentView(a.id().value(), a.round().value(), a.item().value(), a.expert().subject(),
					a.source().name(), a.assignedBy(), a.assignedAt(), a.declaration().name(), a.sheetStatus().name(),
					a.scores(), a.comments(), a.overallComment(), a.submittedAt().orElse(null),
					a.turnaround().map(java.time.Duration::toSeconds).orElse(null), a.version());
		}

	}

	/** An expert's own assignment; {@code item} is null until no conflict is declared. */
	public record MyAssignmentView(AssignmentView assignment, RoundView round, String itemTitle,
			List<String> organisationNames, ReviewItemView item, boolean rapporteur) {

		public static MyAssignmentView of(ExpertWork.AssignmentView v) {
			return new MyAssignmentView(AssignmentView.of(v.assignment()), RoundView.of(v.round()), v.itemTitle(),
					v.organisationNames(), v.item().map(ReviewItemView::of).orElse(null), v.rapporteur());
		}

	}

	/**
	 * @param detail the rule's English sentence, or a manager's own words
	 * @param detailCode what the detail says ({@code NONE}: a manager's own words), for readers that
	 * word it in their language with {@code detailArguments}
	 */
	public record ConflictView(UUID itemId, String expert, String reason, String detail, String detailCode,
			List<String> detailArguments, String recordedBy, Instant recordedAt) {

		public static ConflictView of(RecordedConflict c) {
			return new ConflictView(c.conflict().item().value(), c.conflict().expert().subject(),
					c.conflict().reason().name(), c.conflict().detail(), c.conflict().detailCode().name(),
					c.conflict().detailArguments(), c.recordedBy(), c.recordedAt());
		}

	}

	public record AutoAssignView(List<AssignmentView> added, Map<UUID, Integer> shortfalls) {

		static AutoAssignView of(RoundCommands.AutoAssigned a) {
			Map<UUID, Integer> shortfalls = new java.util.LinkedHashMap<>();
			a.shortfalls().forEach((k, v) -> shortfalls.put(k.value(), v));
			return new AutoAssignView(a.added().stream().map(AssignmentView::of).toList(), shortfalls);
		}

	}

	public record MatrixView(RoundView round, List<ReviewItemView> items, List<ExpertView> experts,
			List<AssignmentView> assignments, Map<UUID, String> rapporteurs, Map<String, Long> meanSecondsToSubmit) {

		static MatrixView of(RoundQueries.Matrix m) {
			Map<UUID, String> rapporteurs = new java.util.LinkedHashMap<>();
			m.rapporteurs().forEach((k, v) -> rapporteurs.put(k.value(), v.subject()));
			Map<String, Long> turnaround = new java.util.LinkedHashMap<>();
			m.meanTurnaround().forEach((k, v) -> turnaround.put(k.subject(), v.toSeconds()));
			return new MatrixView(RoundView.of(m.round()), m.items().stream().map(ReviewItemView::of).toList(),
					m.experts().stream().map(ExpertView::of).toList(),
					m.assignments().stream().map(AssignmentView::of).toList(), rapporteurs, turnaround);
		}

	}

	public record ExpertView(String subject, String username, String displayName, String email, String personKey,
			List<String> fieldCodes, Object affiliations, Object coApplications, Object relationships) {

		public static ExpertView of(Expert e) {
			return new ExpertView(e.id().subject(), e.username(), e.displayName(), e.email(), e.personKey(),
					e.fieldCodes().stream().sorted().toList(),
					e.affiliations().stream()
						.map(a -> Map.of("organisationId", a.organisationId(), "organisationName", a.organisationName(),
								"fromYear", a.fromYear(), "untilYear",
								a.untilYear().isPresent() ? (Object) a.untilYear().getAsInt() : "current"))
						.toList(),
					e.coApplications(), e.relationships());
		}

	}

	public record ConsensusView(UUID itemId, UUID roundId, String rapporteur, Map<String, Integer> finalScores,
			String report, double finalScore, List<String> failedThresholds, Instant writtenAt, long version) {

		public static ConsensusView of(Consensus c) {
			return new ConsensusView(c.item().value(), c.round().value(), c.rapporteur().subject(), c.finalScores(),
					c.report(), c.finalHundredths() / 100.0, c.failedThresholds(), c.writtenAt(), c.version());
		}

	}

	public record ConsensusContextView(RoundView round, ReviewItemView item, List<ExpertWork.IndividualReview> reviews,
			ConsensusView report, boolean allSubmitted) {

		static ConsensusContextView of(ExpertWork.ConsensusContext c) {
			return new ConsensusContextView(RoundView.of(c.round()), ReviewItemView.of(c.item()), c.reviews(),
					c.report().map(ConsensusView::of).orElse(null), c.allSubmitted());
		}

	}

	public record ResultRowView(UUID reviewItemId, UUID itemId, String title, int reviews, Double mean, Double median,
			Double stdDev, Double normalised, boolean disagreement, List<String> failedThresholds, int individualRank,
			List<Double> individualScores, ConsensusView consensus, Integer finalRank, Boolean passedThresholds) {

		static ResultRowView of(RoundQueries.ItemRow row) {
			var r = row.result();
			return new ResultRowView(row.item().id().value(), row.item().itemId(), row.item().title(), r.reviews(),
					round(r.mean()), round(r.median()), round(r.stdDev()), round(r.normalised()), r.disagreement(),
					r.failedThresholds(), r.rank(), row.individualScores(),
					row.consensus().map(ConsensusView::of).orElse(null),
					row.outcome().map(o -> o.rank()).orElse(null), row.outcome().map(o -> o.passedThresholds()).orElse(null));
		}

		static Double round(double v) {
			return Double.isNaN(v) ? null : Math.round(v * 100) / 100.0;
		}

	}

	public record ResultsView(RoundView round, List<ResultRowView> items) {

		static ResultsView of(RoundQueries.Results r) {
			return new ResultsView(RoundView.of(r.round()), r.rows().stream().map(ResultRowView::of).toList());
		}

	}

}
