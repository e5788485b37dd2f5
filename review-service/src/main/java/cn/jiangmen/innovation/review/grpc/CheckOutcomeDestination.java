package cn.jiangmen.innovation.review.grpc;

import java.util.concurrent.TimeUnit;

import cn.jiangmen.innovation.contracts.project.v1.ProjectServiceGrpc;
import cn.jiangmen.innovation.contracts.project.v1.RecordCheckRoundOutcomeRequest;
import cn.jiangmen.innovation.platform.grpc.ProtoTimes;
import cn.jiangmen.innovation.platform.outbox.OutboxDestination;
import cn.jiangmen.innovation.platform.outbox.OutboxMessage;
import cn.jiangmen.innovation.review.application.ReviewOutcomePayload;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Sends the confirmed outcome of a mid-term check (中期检查) or final acceptance (验收) to
 * project-service's check round ({@code RecordCheckRoundOutcome}); proposals go to
 * {@link ProjectOutcomeDestination}. Runs from the scheduled relay with the service-account token;
 * project-service answers a repeated key with its first answer.
 */
@Component
class CheckOutcomeDestination implements OutboxDestination {

	private final ObjectProvider<ProjectServiceGrpc.ProjectServiceBlockingStub> project;

	private final tools.jackson.databind.json.JsonMapper json;

	CheckOutcomeDestination(ObjectProvider<ProjectServiceGrpc.ProjectServiceBlockingStub> project,
			tools.jackson.databind.json.JsonMapper json) {
		this.project = project;
		this.json = json;
	}

	@Override
	public String destination() {
		return ReviewOutcomePayload.CHECK_OUTCOME;
	}

	@Override
	public void deliver(OutboxMessage message) {
		ReviewOutcomePayload outcome = this.json.readValue(message.payload(), ReviewOutcomePayload.class);
		this.project.getObject()
			.withDeadlineAfter(5, TimeUnit.SECONDS)
			.recordCheckRoundOutcome(RecordCheckRoundOutcomeRequest.newBuilder()
				.setIdempotencyKey(message.idempotencyKey())
				.setCheckRoundId(outcome.itemId())
				.setReviewItemId(outcome.reviewItemId())
				.setRank(outcome.rank())
				.setFinalScoreHundredths(outcome.finalScoreHundredths())
				.setPassedThresholds(outcome.passedThresholds())
				.setConfirmedAt(ProtoTimes.timestamp(outcome.confirmedAt()))
				.build());
	}

}
