package cn.jiangmen.innovation.project.grpc;

import java.util.concurrent.TimeUnit;

import cn.jiangmen.innovation.contracts.common.v1.Money;
import cn.jiangmen.innovation.contracts.funding.v1.CommitAwardRequest;
import cn.jiangmen.innovation.contracts.funding.v1.CommitAwardResponse;
import cn.jiangmen.innovation.contracts.funding.v1.CommitmentState;
import cn.jiangmen.innovation.contracts.funding.v1.FundingServiceGrpc;
import cn.jiangmen.innovation.contracts.funding.v1.Tranche;
import cn.jiangmen.innovation.platform.outbox.OutboxDeliveryRefused;
import cn.jiangmen.innovation.platform.outbox.OutboxDestination;
import cn.jiangmen.innovation.platform.outbox.OutboxMessage;
import cn.jiangmen.innovation.project.application.AwardCommitmentPayload;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Commits an approved project's award in funding-service with its tranche schedule (one tranche
 * per milestone, planned on the milestone's due date). Runs from the scheduled relay with the
 * service-account token. While funding is down the relay retries with backoff; funding answers a
 * repeated key with its first answer, so the award is committed once. A commitment funding
 * refuses for want of budget is a final answer under that key: the message is parked (a dead
 * letter an operator sees in {@code jiangmen.outbox.messages{state=parked}}), not retried forever.
 */
@Component
class FundingAwardDestination implements OutboxDestination {

	private final ObjectProvider<FundingServiceGrpc.FundingServiceBlockingStub> funding;

	private final JsonMapper json;

	FundingAwardDestination(ObjectProvider<FundingServiceGrpc.FundingServiceBlockingStub> funding, JsonMapper json) {
		this.funding = funding;
		this.json = json;
	}

	@Override
	public String destination() {
		return AwardCommitmentPayload.DESTINATION;
	}

	@Override
	public void deliver(OutboxMessage message) {
		AwardCommitmentPayload p = this.json.readValue(message.payload(), AwardCommitmentPayload.class);
		CommitAwardRequest.Builder request = CommitAwardRequest.newBuilder()
			.setIdempotencyKey(message.idempotencyKey())
			.setBudgetCode(p.budgetCode())
			.setFiscalYear(p.fiscalYear())
			.setAwardReference(p.projectId())
			.setProjectId(p.projectId())
			.setRecipientOrganisationId(p.recipientOrganisationId())
			.setAmount(cny(p.amountFen()));
		for (AwardCommitmentPayload.Tranche tranche : p.tranches()) {
			request.addTranches(Tranche.newBuilder()
				.setMilestoneId(tranche.milestoneId())
				.setAmount(cny(tranche.amountFen()))
				.setPlannedDate(tranche.plannedDate() == null ? "" : tranche.plannedDate()));
		}
		CommitAwardResponse response = this.funding.getObject()
			.withDeadlineAfter(5, TimeUnit.SECONDS)
			.commitAward(request.build());
		if (response.getState() != CommitmentState.COMMITMENT_STATE_COMMITTED) {
			throw new OutboxDeliveryRefused("funding-service did not commit award " + message.idempotencyKey() + ": "
					+ response.getState(), null);
		}
	}

	private static Money cny(long fen) {
		return Money.newBuilder().setCurrencyCode("CNY").setMinorUnits(fen).build();
	}

}
