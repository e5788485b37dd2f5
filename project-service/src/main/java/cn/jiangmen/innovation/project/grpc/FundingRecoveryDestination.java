package cn.jiangmen.innovation.project.grpc;

import java.util.concurrent.TimeUnit;

import cn.jiangmen.innovation.contracts.common.v1.Money;
import cn.jiangmen.innovation.contracts.funding.v1.FundingServiceGrpc;
import cn.jiangmen.innovation.contracts.funding.v1.RaiseProjectRecoveryRequest;
import cn.jiangmen.innovation.contracts.funding.v1.RecoveryReason;
import cn.jiangmen.innovation.platform.outbox.OutboxDestination;
import cn.jiangmen.innovation.platform.outbox.OutboxMessage;
import cn.jiangmen.innovation.project.application.execution.RecoveryDemandPayload;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Tells funding-service that a project failed (a final acceptance, or a mid-term check, which the
 * contract counts as a failed acceptance too): funding raises the recovery demand (追回) prepared by
 * the system for a finance approver to decide. Runs from the scheduled relay with the
 * service-account token; while funding is down the relay retries with backoff, and funding answers
 * the repeated key with its first answer, so the demand is raised once.
 */
@Component
class FundingRecoveryDestination implements OutboxDestination {

	/** funding keeps an explanation of at most 500 characters. */
	static final int MAX_EXPLANATION = 500;

	private final ObjectProvider<FundingServiceGrpc.FundingServiceBlockingStub> funding;

	private final JsonMapper json;

	FundingRecoveryDestination(ObjectProvider<FundingServiceGrpc.FundingServiceBlockingStub> funding, JsonMapper json) {
		this.funding = funding;
		this.json = json;
	}

	@Override
	public String destination() {
		return RecoveryDemandPayload.DESTINATION;
	}

	@Override
	public void deliver(OutboxMessage message) {
		RecoveryDemandPayload p = this.json.readValue(message.payload(), RecoveryDemandPayload.class);
		String explanation = p.explanation().length() <= MAX_EXPLANATION ? p.explanation()
				: p.explanation().substring(0, MAX_EXPLANATION - 1) + "…";
		this.funding.getObject()
			.withDeadlineAfter(5, TimeUnit.SECONDS)
			.raiseProjectRecovery(RaiseProjectRecoveryRequest.newBuilder()
				.setIdempotencyKey(message.idempotencyKey())
				.setProjectId(p.projectId())
				.setReason(RecoveryReason.RECOVERY_REASON_FAILED_ACCEPTANCE)
				.setExplanation(explanation)
				.setReleased(Money.newBuilder().setCurrencyCode("CNY").setMinorUnits(p.releasedFen()))
				.build());
	}

}
