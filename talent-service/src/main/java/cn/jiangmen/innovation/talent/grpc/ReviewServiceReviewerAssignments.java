package cn.jiangmen.innovation.talent.grpc;

import java.util.concurrent.TimeUnit;

import cn.jiangmen.innovation.contracts.common.v1.OwningContext;
import cn.jiangmen.innovation.contracts.review.v1.CheckReviewerAccessRequest;
import cn.jiangmen.innovation.contracts.review.v1.ReviewServiceGrpc;
import cn.jiangmen.innovation.talent.application.AttachmentReaders;
import cn.jiangmen.innovation.talent.domain.ApplicationId;
import cn.jiangmen.innovation.platform.domain.Caller;
import io.grpc.StatusRuntimeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Asks review-service whether the calling expert reviews an application. The expert's own token
 * rides along (platform's client interceptor relays it), so review-service answers for that expert
 * only. When review-service cannot answer, the expert is refused: documents are never served on a
 * guess.
 */
@Component
class ReviewServiceReviewerAssignments implements AttachmentReaders.ReviewerAssignments {

	private static final Logger log = LoggerFactory.getLogger(ReviewServiceReviewerAssignments.class);

	private final ObjectProvider<ReviewServiceGrpc.ReviewServiceBlockingStub> review;

	ReviewServiceReviewerAssignments(ObjectProvider<ReviewServiceGrpc.ReviewServiceBlockingStub> review) {
		this.review = review;
	}

	@Override
	public boolean isAssignedReviewer(Caller caller, ApplicationId application) {
		try {
			return this.review.getObject()
				.withDeadlineAfter(3, TimeUnit.SECONDS)
				.checkReviewerAccess(CheckReviewerAccessRequest.newBuilder()
					.setOwningContext(OwningContext.OWNING_CONTEXT_TALENT)
					.setItemId(application.toString())
					.build())
				.getAllowed();
		}
		catch (StatusRuntimeException ex) {
			log.warn("review-service could not confirm {} as a reviewer of {}: {}", caller.username(), application,
					ex.getStatus());
			return false;
		}
	}

}
