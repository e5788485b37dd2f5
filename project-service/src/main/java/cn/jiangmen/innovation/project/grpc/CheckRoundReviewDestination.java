package cn.jiangmen.innovation.project.grpc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import cn.jiangmen.innovation.contracts.common.v1.OwningContext;
import cn.jiangmen.innovation.contracts.review.v1.ItemKind;
import cn.jiangmen.innovation.contracts.review.v1.OpenReviewRequest;
import cn.jiangmen.innovation.contracts.review.v1.Organisation;
import cn.jiangmen.innovation.contracts.review.v1.ReviewServiceGrpc;
import cn.jiangmen.innovation.platform.grpc.ProtoTimes;
import cn.jiangmen.innovation.platform.outbox.OutboxDestination;
import cn.jiangmen.innovation.platform.outbox.OutboxMessage;
import cn.jiangmen.innovation.project.application.execution.CheckRoundReviewPayload;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Opens the expert review of a mid-term check or final acceptance in review-service, as
 * {@link ProposalReviewDestination} does for proposals: the round is the item (review reports its
 * outcome back to {@code RecordCheckRoundOutcome}), its kind picks the check rubric there, and the
 * consortium's organisations go along for conflict detection. Runs from the scheduled relay with the
 * service-account token; review answers a repeated key with its first answer.
 */
@Component
class CheckRoundReviewDestination implements OutboxDestination {

	private final ObjectProvider<ReviewServiceGrpc.ReviewServiceBlockingStub> review;

	private final JsonMapper json;

	CheckRoundReviewDestination(ObjectProvider<ReviewServiceGrpc.ReviewServiceBlockingStub> review, JsonMapper json) {
		this.review = review;
		this.json = json;
	}

	@Override
	public String destination() {
		return CheckRoundReviewPayload.DESTINATION;
	}

	@Override
	public void deliver(OutboxMessage message) {
		CheckRoundReviewPayload p = this.json.readValue(message.payload(), CheckRoundReviewPayload.class);
		List<Organisation> organisations = new ArrayList<>();
		for (int i = 0; i < p.organisationIds().size(); i++) {
			organisations.add(Organisation.newBuilder()
				.setId(p.organisationIds().get(i))
				.setName(i < p.organisationNames().size() ? p.organisationNames().get(i) : "")
				.build());
		}
		this.review.getObject()
			.withDeadlineAfter(5, TimeUnit.SECONDS)
			.openReview(OpenReviewRequest.newBuilder()
				.setIdempotencyKey(message.idempotencyKey())
				.setOwningContext(OwningContext.OWNING_CONTEXT_PROJECT)
				.setItemKind(ItemKind.valueOf("ITEM_KIND_" + p.itemKind()))
				.setItemId(p.checkRoundId())
				.setTitle(p.title())
				.addAllFieldCodes(p.fieldCodes())
				.addAllOrganisations(organisations)
				.setSubmittedAt(ProtoTimes.timestamp(Instant.parse(p.openedAt())))
				.build());
	}

}
