package cn.jiangmen.innovation.review.grpc;

import java.util.concurrent.TimeUnit;

import cn.jiangmen.innovation.contracts.project.v1.ProjectServiceGrpc;
import cn.jiangmen.innovation.contracts.project.v1.RecordProposalReviewOutcomeRequest;
import cn.jiangmen.innovation.platform.grpc.ProtoTimes;
import cn.jiangmen.innovation.platform.outbox.OutboxDestination;
import cn.jiangmen.innovation.platform.outbox.OutboxMessage;
import cn.jiangmen.innovation.review.application.ReviewOutcomePayload;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Sends a confirmed outcome of a proposal review to project-service, as {@link TalentOutcomeDestination}
 * does for talent. Runs from the scheduled relay with the service-account token; project-service
 * answers a repeated key with its first answer.
 */
@Component
class ProjectOutcomeDestination implements OutboxDestination {

	private final ObjectProvider<ProjectServiceGrpc.ProjectServiceBlockingStub> project;

	private final tools.jackson.databind.json.JsonMapper json;

	ProjectOutcomeDestination(ObjectProvider<ProjectServiceGrpc.ProjectServiceBlockingStub> project,
			tools.jackson.databind.json.JsonMapper json) {
		this.project = project;
		this.json = json;
	}

	@Override
	public String destination() {
		return ReviewOutcomePayload.PROJECT_OUTCOME;
	}

	@Override
	public void deliver(OutboxMessage message) {
		ReviewOutcomePayload outcome = this.json.readValue(message.payload(), ReviewOutcomePayload.class);
		this.project.getObject()
			.withDeadlineAfter(5, TimeUnit.SECONDS)
			.recordProposalReviewOutcome(RecordProposalReviewOutcomeRequest.newBuilder()
				.setIdempotencyKey(message.idempotencyKey())
				.setProposalId(outcome.itemId())
				.setReviewItemId(outcome.reviewItemId())
				.setRank(outcome.rank())
				.setFinalScoreHundredths(outcome.finalScoreHundredths())
				.setPassedThresholds(outcome.passedThresholds())
				.setConfirmedAt(ProtoTimes.timestamp(outcome.confirmedAt()))
				.build());
	}

}
