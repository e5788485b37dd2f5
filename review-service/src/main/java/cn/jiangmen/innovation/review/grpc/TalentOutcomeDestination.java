package cn.jiangmen.innovation.review.grpc;

import java.time.Instant;
import java.util.Map;

import cn.jiangmen.innovation.contracts.talent.v1.RecordReviewOutcomeRequest;
import cn.jiangmen.innovation.contracts.talent.v1.TalentServiceGrpc;
import cn.jiangmen.innovation.platform.outbox.OutboxDestination;
import cn.jiangmen.innovation.platform.outbox.OutboxMessage;
import com.google.protobuf.Timestamp;

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
		@SuppressWarnings("unchecked")
		Map<String, Object> p = this.json.readValue(message.payload(), Map.class);
		Instant confirmedAt = Instant.parse((String) p.get("confirmedAt"));
		this.talent.getObject()
			.withDeadlineAfter(5, java.util.concurrent.TimeUnit.SECONDS)
			.recordReviewOutcome(RecordReviewOutcomeRequest.newBuilder()
				.setIdempotencyKey(message.idempotencyKey())
				.setApplicationId((String) p.get("applicationId"))
				.setReviewItemId((String) p.get("reviewItemId"))
				.setRank(((Number) p.get("rank")).intValue())
				.setFinalScoreHundredths(((Number) p.get("finalScoreHundredths")).intValue())
				.setPassedThresholds((Boolean) p.get("passedThresholds"))
				.setConfirmedAt(Timestamp.newBuilder()
					.setSeconds(confirmedAt.getEpochSecond())
					.setNanos(confirmedAt.getNano()))
				.build());
	}

}
