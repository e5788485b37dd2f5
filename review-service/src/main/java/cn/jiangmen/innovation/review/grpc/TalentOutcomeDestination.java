package cn.jiangmen.innovation.review.grpc;

import cn.jiangmen.innovation.contracts.talent.v1.RecordReviewOutcomeRequest;
import cn.jiangmen.innovation.contracts.talent.v1.TalentServiceGrpc;
import cn.jiangmen.innovation.platform.outbox.OutboxDestination;
import cn.jiangmen.innovation.platform.grpc.ProtoTimes;
import cn.jiangmen.innovation.platform.outbox.OutboxMessage;
import cn.jiangmen.innovation.review.application.ReviewOutcomePayload;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Sends a confirmed outcome to talent-service. Runs from the scheduled relay, where no user is in
 * the security context, so the platform's client interceptor attaches the service-account token.
 */
@Component
class TalentOutcomeDestination implements OutboxDestination {

	private final ObjectProvider<TalentServiceGrpc.TalentServiceBlockingStub> talent;

	private final JsonMapper json;

	TalentOutcomeDestination(ObjectProvider<TalentServiceGrpc.TalentServiceBlockingStub> talent, JsonMapper json) {
		this.talent = talent;
		this.json = json;
	}

	@Override
	public String destination() {
		return OutboxMessage.TALENT_OUTCOME;
	}

	@Override
	public void deliver(OutboxMessage message) {
		ReviewOutcomePayload outcome = this.json.readValue(message.payload(), ReviewOutcomePayload.class);
		this.talent.getObject()
			.withDeadlineAfter(5, java.util.concurrent.TimeUnit.SECONDS)
			.recordReviewOutcome(RecordReviewOutcomeRequest.newBuilder()
				.setIdempotencyKey(message.idempotencyKey())
				.setApplicationId(outcome.itemId())
				.setReviewItemId(outcome.reviewItemId())
				.setRank(outcome.rank())
				.setFinalScoreHundredths(outcome.finalScoreHundredths())
				.setPassedThresholds(outcome.passedThresholds())
				.setConfirmedAt(ProtoTimes.timestamp(outcome.confirmedAt()))
				.build());
	}

}
