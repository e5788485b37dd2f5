package cn.jiangmen.innovation.talent.grpc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import cn.jiangmen.innovation.contracts.common.v1.OwningContext;
import cn.jiangmen.innovation.contracts.review.v1.OpenReviewRequest;
import cn.jiangmen.innovation.contracts.review.v1.Organisation;
import cn.jiangmen.innovation.contracts.review.v1.ReviewServiceGrpc;
import cn.jiangmen.innovation.platform.outbox.OutboxDestination;
import cn.jiangmen.innovation.platform.outbox.OutboxMessage;
import cn.jiangmen.innovation.talent.application.ReviewHandOffPayload;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Opens the review of an application in review-service. Runs from the scheduled relay, where no
 * user is in the security context, so the platform's client interceptor attaches the
 * service-account token. review-service answers a repeated key with its first answer.
 */
@Component
class ReviewHandOffDestination implements OutboxDestination {

	private final ObjectProvider<ReviewServiceGrpc.ReviewServiceBlockingStub> review;

	private final JsonMapper json;

	ReviewHandOffDestination(ObjectProvider<ReviewServiceGrpc.ReviewServiceBlockingStub> review, JsonMapper json) {
		this.review = review;
		this.json = json;
	}

	@Override
	public String destination() {
		return OutboxMessage.REVIEW_OPEN;
	}

	@Override
	public void deliver(OutboxMessage message) {
		ReviewHandOffPayload p = this.json.readValue(message.payload(), ReviewHandOffPayload.class);
		OpenReviewRequest.Builder request = OpenReviewRequest.newBuilder()
			.setIdempotencyKey(message.idempotencyKey())
			.setOwningContext(OwningContext.OWNING_CONTEXT_TALENT)
			.setItemId(p.applicationId())
			.setTitle(p.title())
			.addAllFieldCodes(p.fieldCodes())
			.addAllOrganisations(organisations(p))
			.setLeaderPersonKey(p.leaderPersonKey())
			.addAllMemberPersonKeys(p.memberPersonKeys())
			.addAllLeaderNameKeys(p.leaderNameKeys());
		if (p.submittedAt() != null) {
			request.setSubmittedAt(cn.jiangmen.innovation.platform.grpc.ProtoTimes.timestamp(Instant.parse(p.submittedAt())));
		}
		this.review.getObject().withDeadlineAfter(5, TimeUnit.SECONDS).openReview(request.build());
	}

	/** Each id with its name; a payload written before names were kept has none, so the name is empty. */
	private static List<Organisation> organisations(ReviewHandOffPayload p) {
		List<Organisation> organisations = new ArrayList<>();
		for (int i = 0; i < p.organisationIds().size(); i++) {
			organisations.add(Organisation.newBuilder()
				.setId(p.organisationIds().get(i))
				.setName(i < p.organisationNames().size() ? p.organisationNames().get(i) : "")
				.build());
		}
		return organisations;
	}

}
