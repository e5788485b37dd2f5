package cn.jiangmen.innovation.project.grpc;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import cn.jiangmen.innovation.contracts.project.v1.CheckRoundKind;
import cn.jiangmen.innovation.contracts.project.v1.CheckRoundState;
import cn.jiangmen.innovation.contracts.project.v1.ProjectServiceGrpc;
import cn.jiangmen.innovation.contracts.project.v1.ListCheckRoundsRequest;
import cn.jiangmen.innovation.contracts.project.v1.ListCheckRoundsResponse;
import cn.jiangmen.innovation.contracts.project.v1.OpenCheckRoundRequest;
import cn.jiangmen.innovation.contracts.project.v1.OpenCheckRoundResponse;
import cn.jiangmen.innovation.contracts.project.v1.RecordCheckRoundOutcomeRequest;
import cn.jiangmen.innovation.contracts.project.v1.RecordCheckRoundOutcomeResponse;
import cn.jiangmen.innovation.platform.error.InvalidInputException;
import cn.jiangmen.innovation.platform.grpc.ProtoTimes;
import cn.jiangmen.innovation.platform.paging.PageRequest;
import cn.jiangmen.innovation.platform.security.Callers;
import cn.jiangmen.innovation.project.application.execution.CheckRoundCommands;
import cn.jiangmen.innovation.project.application.execution.ExecutionQueries;
import cn.jiangmen.innovation.project.domain.ProjectId;
import cn.jiangmen.innovation.project.domain.execution.CheckReviewOutcome;
import cn.jiangmen.innovation.project.domain.execution.CheckRound;
import io.grpc.ServerServiceDefinition;
import cn.jiangmen.innovation.project.domain.execution.FundRecoveryCase;

import org.springframework.stereotype.Component;

/**
 * Check rounds (中期检查, 验收) over gRPC: the manager opens a round and whoever reads the project lists
 * them (the portal's project pages); review-service reports the expert panel's outcome of a round.
 */
@Component
class CheckRoundRpcs implements ProjectRpcGroup {

	private final CheckRoundCommands commands;

	private final ExecutionQueries queries;

	CheckRoundRpcs(CheckRoundCommands commands, ExecutionQueries queries) {
		this.commands = commands;
		this.queries = queries;
	}

	OpenCheckRoundResponse open(OpenCheckRoundRequest request) {
		ProjectId projectId = ProjectId.parse(request.getProjectId(), "project_id");
		// an unset or unknown kind reaches the use case as text it refuses, naming "kind"
		String kind = switch (request.getKind()) {
			case CHECK_ROUND_KIND_MID_TERM -> "MID_TERM";
			case CHECK_ROUND_KIND_FINAL_ACCEPTANCE -> "FINAL_ACCEPTANCE";
			default -> "";
		};
		CheckRound round = this.commands.open(projectId, kind, Callers.current());
		return OpenCheckRoundResponse.newBuilder().setCheckRound(message(round, Optional.empty())).build();
	}

	/** Newest first; a project has a handful of rounds, so the page is cut from the whole list. */
	ListCheckRoundsResponse list(ListCheckRoundsRequest request) {
		ProjectId projectId = ProjectId.parse(request.getProjectId(), "project_id");
		PageRequest page = PageRequest.of(request.getPageSize(), request.getPageToken(), "page_size", "page_token");
		ExecutionQueries.ProjectSummary summary = this.queries.summary(projectId, Callers.current());
		List<CheckRound> all = summary.rounds();
		List<CheckRound> found = all.subList(Math.min(page.offset(), all.size()),
				Math.min(page.offset() + page.size(), all.size()));
		return ListCheckRoundsResponse.newBuilder()
			.addAllCheckRounds(found.stream().map(round -> message(round, summary.recovery())).toList())
			.setNextPageToken(page.offset() + found.size() < all.size() ? page.nextToken(found.size()) : "")
			.build();
	}

	@Override
	public void bindTo(ServerServiceDefinition.Builder service) {
		ProjectRpcGroup.unary(service, ProjectServiceGrpc.getRecordCheckRoundOutcomeMethod(), this::recordOutcome);
		ProjectRpcGroup.unary(service, ProjectServiceGrpc.getOpenCheckRoundMethod(), this::open);
		ProjectRpcGroup.unary(service, ProjectServiceGrpc.getListCheckRoundsMethod(), this::list);
	}

	RecordCheckRoundOutcomeResponse recordOutcome(RecordCheckRoundOutcomeRequest request) {
		UUID round;
		try {
			round = UUID.fromString(request.getCheckRoundId().strip());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException("check_round_id", "id.malformed", "must be a UUID");
		}
		CheckReviewOutcome outcome = new CheckReviewOutcome(round, request.getReviewItemId(), request.getRank(),
				request.getFinalScoreHundredths(), request.getPassedThresholds(),
				request.hasConfirmedAt() ? ProtoTimes.instant(request.getConfirmedAt(), "confirmed_at") : null);
		CheckRound recorded = ProtoNames.renaming(
				() -> this.commands.recordReview(Callers.current(), request.getIdempotencyKey(), outcome));
		RecordCheckRoundOutcomeResponse.Builder response = RecordCheckRoundOutcomeResponse.newBuilder()
			.setCheckRoundId(recorded.id().toString())
			.setState(state(recorded));
		recorded.rectifyBy().ifPresent(by -> response.setRectifyBy(by.toString()));
		return response.build();
	}

	private static cn.jiangmen.innovation.contracts.project.v1.CheckRound message(CheckRound round,
			Optional<FundRecoveryCase> recovery) {
		cn.jiangmen.innovation.contracts.project.v1.CheckRound.Builder message = cn.jiangmen.innovation.contracts.project.v1.CheckRound
			.newBuilder()
			.setCheckRoundId(round.id().toString())
			.setProjectId(round.projectId().toString())
			.setKind(CheckRoundKind.valueOf("CHECK_ROUND_KIND_" + round.kind().name()))
			.setState(state(round))
			.setOpenedBy(round.openedBy())
			.setOpenedAt(ProtoTimes.timestamp(round.openedAt()))
			.setPanelScore(round.panelScore().map(score -> score.toPlainString()).orElse(""))
			.setReasons(round.reasons().orElse(""))
			.setRectifyBy(round.rectifyBy().map(Object::toString).orElse(""))
			.setDecidedBy(round.decidedBy().orElse(""))
			.setRecoveryRaised(recovery.map(r -> round.id().equals(r.checkRoundId())).orElse(false));
		round.decidedAt().ifPresent(at -> message.setDecidedAt(ProtoTimes.timestamp(at)));
		return message.build();
	}

	private static CheckRoundState state(CheckRound round) {
		return CheckRoundState.valueOf("CHECK_ROUND_STATE_" + round.state().name());
	}

}
