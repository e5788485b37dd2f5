package cn.jiangmen.innovation.project.grpc;

import java.util.UUID;

import cn.jiangmen.innovation.contracts.project.v1.CheckRoundState;
import cn.jiangmen.innovation.contracts.project.v1.ProjectServiceGrpc;
import cn.jiangmen.innovation.contracts.project.v1.RecordCheckRoundOutcomeRequest;
import cn.jiangmen.innovation.contracts.project.v1.RecordCheckRoundOutcomeResponse;
import cn.jiangmen.innovation.platform.error.InvalidInputException;
import cn.jiangmen.innovation.platform.grpc.ProtoTimes;
import cn.jiangmen.innovation.platform.security.Callers;
import cn.jiangmen.innovation.project.application.execution.CheckRoundCommands;
import cn.jiangmen.innovation.project.domain.execution.CheckReviewOutcome;
import cn.jiangmen.innovation.project.domain.execution.CheckRound;
import io.grpc.ServerServiceDefinition;

import org.springframework.stereotype.Component;

/** Check rounds over gRPC: review-service reports the expert panel's outcome of a round. */
@Component
class CheckRoundRpcs implements ProjectRpcGroup {

	private final CheckRoundCommands commands;

	CheckRoundRpcs(CheckRoundCommands commands) {
		this.commands = commands;
	}

	@Override
	public void bindTo(ServerServiceDefinition.Builder service) {
		ProjectRpcGroup.unary(service, ProjectServiceGrpc.getRecordCheckRoundOutcomeMethod(), this::recordOutcome);
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
			.setState(CheckRoundState.valueOf("CHECK_ROUND_STATE_" + recorded.state().name()));
		recorded.rectifyBy().ifPresent(by -> response.setRectifyBy(by.toString()));
		return response.build();
	}

}
