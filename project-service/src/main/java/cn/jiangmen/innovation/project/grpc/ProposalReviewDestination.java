package cn.jiangmen.innovation.project.grpc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import cn.jiangmen.innovation.contracts.common.v1.OwningContext;
import cn.jiangmen.innovation.contracts.review.v1.OpenReviewRequest;
import cn.jiangmen.innovation.contracts.review.v1.Organisation;
import cn.jiangmen.innovation.contracts.review.v1.ReviewServiceGrpc;
import cn.jiangmen.innovation.platform.grpc.ProtoTimes;
import cn.jiangmen.innovation.platform.outbox.OutboxDestination;
import cn.jiangmen.innovation.platform.outbox.OutboxMessage;
import cn.jiangmen.innovation.project.application.ProposalReviewPayload;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Opens the expert review of a proposal in review-service (talent's {@code ReviewHandOffDestination}
 * for proposals): the consortium's organisations go along for conflict detection. Runs from the
 * scheduled relay with the service-account token; review answers a repeated key with its first answer.
 */
@Component
class ProposalReviewDestination implements OutboxDestination {

	private final ObjectProvider<ReviewServiceGrpc.ReviewServiceBlockingStub> review;

	private final JsonMapper json;

	ProposalReviewDestination(ObjectProvider<ReviewServiceGrpc.ReviewServiceBlockingStub> review, JsonMapper json) {
		this.review = review;
		this.json = json;
	}

	@Override
	public String destination() {
		return OutboxMessage.REVIEW_OPEN;
	}

	@Override
	public void deliver(OutboxMessage message) {
		ProposalReviewPayload p = this.json.readValue(message.payload(), ProposalReviewPayload.class);
		List<Organisation> organisations = new ArrayList<>();
		for (int i = 0; i < p.organisationIds().size(); i++) {
			organisations.add(Organisation.newBuilder()
				.setId(p.organisationIds().get(i))
				.setName(i < p.organisationNames().size() ? p.organisationNames().get(i) : "")
				.build());
		}
		OpenReviewRequest.Builder request = OpenReviewRequest.newBuilder()
			.setIdempotencyKey(message.idempotencyKey())
			.setOwningContext(OwningContext.OWNING_CONTEXT_PROJECT)
			.setItemId(p.proposalId())
			.setTitle(p.title())
			.addAllFieldCodes(p.fieldCodes())
			.addAllOrganisations(organisations)
			.setLeaderPersonKey(p.leaderPersonKey() == null ? "" : p.leaderPersonKey())
			.addAllMemberPersonKeys(p.memberPersonKeys() == null ? List.of() : p.memberPersonKeys());
		if (p.submittedAt() != null) {
			request.setSubmittedAt(ProtoTimes.timestamp(Instant.parse(p.submittedAt())));
		}
		this.review.getObject().withDeadlineAfter(5, TimeUnit.SECONDS).openReview(request.build());
	}

}
