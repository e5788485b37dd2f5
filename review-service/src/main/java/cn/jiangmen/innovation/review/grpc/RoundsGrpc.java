package cn.jiangmen.innovation.review.grpc;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import cn.jiangmen.innovation.contracts.review.v1.AutoAssignRequest;
import cn.jiangmen.innovation.contracts.review.v1.AutoAssignResponse;
import cn.jiangmen.innovation.contracts.review.v1.ConfirmRoundRequest;
import cn.jiangmen.innovation.contracts.review.v1.ConfirmRoundResponse;
import cn.jiangmen.innovation.contracts.review.v1.GetRoundPanelRequest;
import cn.jiangmen.innovation.contracts.review.v1.GetRoundPanelResponse;
import cn.jiangmen.innovation.contracts.review.v1.GetRoundResultsRequest;
import cn.jiangmen.innovation.contracts.review.v1.GetRoundResultsResponse;
import cn.jiangmen.innovation.contracts.review.v1.ItemResult;
import cn.jiangmen.innovation.contracts.review.v1.ListRoundsRequest;
import cn.jiangmen.innovation.contracts.review.v1.ListRoundsResponse;
import cn.jiangmen.innovation.contracts.review.v1.OpenRoundRequest;
import cn.jiangmen.innovation.contracts.review.v1.OpenRoundResponse;
import cn.jiangmen.innovation.contracts.review.v1.PanelExpert;
import cn.jiangmen.innovation.contracts.review.v1.PanelItem;
import cn.jiangmen.innovation.contracts.review.v1.Rubric;
import cn.jiangmen.innovation.platform.domain.Caller;
import cn.jiangmen.innovation.platform.grpc.ProtoTimes;
import cn.jiangmen.innovation.platform.paging.PageRequest;
import cn.jiangmen.innovation.platform.security.Callers;
import cn.jiangmen.innovation.review.application.RoundCommands;
import cn.jiangmen.innovation.review.application.RoundQueries;
import cn.jiangmen.innovation.review.domain.Criterion;
import cn.jiangmen.innovation.review.domain.OpenRound;
import cn.jiangmen.innovation.review.domain.ReviewRound;
import cn.jiangmen.innovation.review.domain.RoundId;

import org.springframework.stereotype.Component;

/** Rounds as a whole: open, list, panel, auto-assign, results and confirmation (managers, auditors). */
@Component
class RoundsGrpc {

	private final RoundCommands commands;

	private final RoundQueries queries;

	private final Clock clock;

	RoundsGrpc(RoundCommands commands, RoundQueries queries, Clock clock) {
		this.commands = commands;
		this.queries = queries;
		this.clock = clock;
	}

	OpenRoundResponse openRound(OpenRoundRequest request) {
		RoundCommands.Opened opened = this.commands.open(Callers.current(), () -> OpenRound.of(request.getName(),
				ReviewGrpcMapping.owningContext(request.getOwningContext()), request.getReviewItemIdsList(),
				() -> request.hasRubric() ? rubric(request.getRubric()) : null, request.getBlind(),
				ProtoTimes.optionalInstant(request.getDeadline(), "deadline").orElse(null), request.getReviewersPerItem(),
				request.getMaxItemsPerExpert(), request.getDisagreementLimitHundredths(), this.clock.instant()));
		return OpenRoundResponse.newBuilder()
			.setRoundId(opened.round().id().toString())
			.setConflictsDetected(opened.conflictsDetected())
			.build();
	}

	ListRoundsResponse listRounds(ListRoundsRequest request) {
		PageRequest page = PageRequest.of(request.getPageSize(), request.getPageToken(), "page_size", "page_token");
		List<ReviewRound> rounds = this.queries.page(Callers.current(), page);
		ListRoundsResponse.Builder response = ListRoundsResponse.newBuilder()
			.setNextPageToken(page.nextToken(rounds.size()));
		rounds.forEach(r -> response.addRounds(ReviewGrpcMapping.roundSummary(r)));
		return response.build();
	}

	GetRoundPanelResponse getRoundPanel(GetRoundPanelRequest request) {
		Caller caller = Callers.current();
		RoundId id = RoundId.parse(request.getRoundId(), "round_id");
		RoundQueries.Matrix matrix = this.queries.matrix(caller, id);
		GetRoundPanelResponse.Builder response = GetRoundPanelResponse.newBuilder()
			.setRound(ReviewGrpcMapping.roundSummary(matrix.round()));
		matrix.items()
			.forEach(i -> response.addItems(PanelItem.newBuilder()
				.setReviewItemId(i.id().toString())
				.setTitle(i.title())
				.setRapporteur(Optional.ofNullable(matrix.rapporteurs().get(i.id())).map(Object::toString).orElse(""))));
		matrix.experts()
			.forEach(e -> response.addExperts(PanelExpert.newBuilder()
				.setSubject(e.id().subject())
				.setUsername(e.username())
				.setDisplayName(e.displayName())
				.setMeanSecondsToSubmit(Optional.ofNullable(matrix.meanTurnaround().get(e.id()))
					.map(Duration::toSeconds)
					.orElse(0L))));
		matrix.assignments().forEach(a -> response.addAssignments(ReviewGrpcMapping.panelAssignment(a)));
		this.queries.conflicts(caller, id).forEach(c -> response.addConflicts(ReviewGrpcMapping.panelConflict(c)));
		return response.build();
	}

	AutoAssignResponse autoAssign(AutoAssignRequest request) {
		RoundCommands.AutoAssigned result = this.commands.autoAssign(Callers.current(),
				RoundId.parse(request.getRoundId(), "round_id"));
		AutoAssignResponse.Builder response = AutoAssignResponse.newBuilder().setAssignmentsAdded(result.added().size());
		result.shortfalls().forEach((item, missing) -> response.putShortfalls(item.toString(), missing));
		return response.build();
	}

	GetRoundResultsResponse getRoundResults(GetRoundResultsRequest request) {
		return results(RoundId.parse(request.getRoundId(), "round_id"));
	}

	ConfirmRoundResponse confirmRound(ConfirmRoundRequest request) {
		RoundId id = RoundId.parse(request.getRoundId(), "round_id");
		this.commands.confirm(Callers.current(), id);
		return ConfirmRoundResponse.newBuilder().setResults(results(id)).build();
	}

	private GetRoundResultsResponse results(RoundId id) {
		RoundQueries.Results results = this.queries.results(Callers.current(), id);
		GetRoundResultsResponse.Builder response = GetRoundResultsResponse.newBuilder()
			.setRoundId(results.round().id().toString())
			.setState(ReviewGrpcMapping.toProto(results.round().state()));
		for (RoundQueries.ItemRow row : results.rows()) {
			var r = row.result();
			ItemResult.Builder item = ItemResult.newBuilder()
				.setReviewItemId(row.item().id().toString())
				.setItemId(row.item().itemId().toString())
				.setSubmittedReviews(r.reviews())
				.setMeanHundredths(hundredths(r.mean()))
				.setMedianHundredths(hundredths(r.median()))
				.setStdDevHundredths(hundredths(r.stdDev()))
				.setNormalisedHundredths(hundredths(r.normalised()))
				.setDisagreement(r.disagreement())
				.addAllFailedThresholds(r.failedThresholds())
				.setIndividualRank(r.rank())
				.setPassedThresholds(r.passedThresholds());
			row.consensus()
				.ifPresent(c -> item.setHasConsensus(true)
					.setFinalHundredths(c.finalHundredths())
					.setPassedThresholds(c.passedThresholds()));
			row.outcome().ifPresent(o -> item.setFinalRank(o.rank()));
			response.addItems(item);
		}
		return response.build();
	}

	/** Points with decimals to hundredths; no score yet (NaN) is 0, as the contract says. */
	private static int hundredths(double points) {
		return Double.isNaN(points) ? 0 : (int) Math.round(points * 100);
	}

	private static cn.jiangmen.innovation.review.domain.Rubric rubric(Rubric rubric) {
		return cn.jiangmen.innovation.review.domain.Rubric.of(rubric.getCriteriaList()
			.stream()
			.map(c -> new Criterion(c.getCode(), c.getName(), c.getWeightPercent(), c.getThreshold()))
			.toList(), rubric.getScaleMin(), rubric.getScaleMax(), rubric.getOverallThresholdHundredths());
	}

}
