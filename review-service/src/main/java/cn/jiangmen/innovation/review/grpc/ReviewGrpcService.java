package cn.jiangmen.innovation.review.grpc;

import java.time.Instant;
import java.util.Optional;

import cn.jiangmen.innovation.contracts.common.v1.OwningContext;
import cn.jiangmen.innovation.contracts.review.v1.GetReviewStatusRequest;
import cn.jiangmen.innovation.contracts.review.v1.GetReviewStatusResponse;
import cn.jiangmen.innovation.contracts.review.v1.OpenReviewRequest;
import cn.jiangmen.innovation.contracts.review.v1.OpenReviewResponse;
import cn.jiangmen.innovation.contracts.review.v1.ReviewServiceGrpc;
import cn.jiangmen.innovation.contracts.review.v1.ReviewState;
import cn.jiangmen.innovation.review.application.Callers;
import cn.jiangmen.innovation.review.application.ReviewCommands;
import cn.jiangmen.innovation.review.application.ReviewQueries;
import cn.jiangmen.innovation.review.domain.OpenReview;
import cn.jiangmen.innovation.review.domain.ReviewItem;
import cn.jiangmen.innovation.review.domain.ReviewItemId;
import io.grpc.stub.StreamObserver;

import org.springframework.stereotype.Service;

/** gRPC face of review-service: owning services open reviews and ask where they stand. */
@Service
class ReviewGrpcService extends ReviewServiceGrpc.ReviewServiceImplBase {

	private final ReviewCommands commands;

	private final ReviewQueries queries;

	ReviewGrpcService(ReviewCommands commands, ReviewQueries queries) {
		this.commands = commands;
		this.queries = queries;
	}

	@Override
	public void openReview(OpenReviewRequest request, StreamObserver<OpenReviewResponse> responseObserver) {
		ReviewItem item = this.commands.open(Callers.current(), () -> OpenReview.of(request.getIdempotencyKey(), owningContext(request.getOwningContext()),
				request.getItemId(), request.getTitle(), request.getFieldCodesList(), request.getOrganisationIdsList(),
				request.hasSubmittedAt() ? Optional.of(Instant.ofEpochSecond(request.getSubmittedAt().getSeconds(),
						request.getSubmittedAt().getNanos())) : Optional.empty()));
		responseObserver.onNext(OpenReviewResponse.newBuilder()
			.setReviewItemId(item.id().toString())
			.setState(toProto(item.state()))
			.build());
		responseObserver.onCompleted();
	}

	@Override
	public void getReviewStatus(GetReviewStatusRequest request,
			StreamObserver<GetReviewStatusResponse> responseObserver) {
		ReviewItem item = this.queries.get(ReviewItemId.parse(request.getReviewItemId(), "review_item_id"),
				Callers.current());
		responseObserver.onNext(GetReviewStatusResponse.newBuilder()
			.setReviewItemId(item.id().toString())
			.setState(toProto(item.state()))
			.build());
		responseObserver.onCompleted();
	}

	/** Unspecified or unknown values become null, which validation reports as a bad field. */
	private static cn.jiangmen.innovation.review.domain.OwningContext owningContext(OwningContext context) {
		return switch (context) {
			case OWNING_CONTEXT_TALENT -> cn.jiangmen.innovation.review.domain.OwningContext.TALENT;
			case OWNING_CONTEXT_PROJECT -> cn.jiangmen.innovation.review.domain.OwningContext.PROJECT;
			default -> null;
		};
	}

	static ReviewState toProto(cn.jiangmen.innovation.review.domain.ReviewState state) {
		return ReviewState.valueOf("REVIEW_STATE_" + state.name());
	}

}
