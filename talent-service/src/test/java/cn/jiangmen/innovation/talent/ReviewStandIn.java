package cn.jiangmen.innovation.talent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import cn.jiangmen.innovation.contracts.common.v1.OwningContext;
import cn.jiangmen.innovation.contracts.review.v1.CheckReviewerAccessRequest;
import cn.jiangmen.innovation.contracts.review.v1.CheckReviewerAccessResponse;
import cn.jiangmen.innovation.contracts.review.v1.OpenReviewRequest;
import cn.jiangmen.innovation.contracts.review.v1.OpenReviewResponse;
import cn.jiangmen.innovation.contracts.review.v1.ReviewServiceGrpc;
import cn.jiangmen.innovation.contracts.review.v1.ReviewState;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;

/**
 * review-service's OpenReview and CheckReviewerAccess over real gRPC on a free port, for talent's
 * tests: records every hand-off and the bearer token each call came with, answers access checks for
 * the experts it was told about, and can fail the next calls as a restarting service would.
 */
final class ReviewStandIn {

	private static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("Authorization",
			Metadata.ASCII_STRING_MARSHALLER);

	private final List<OpenReviewRequest> received = new CopyOnWriteArrayList<>();

	private final List<String> tokens = new CopyOnWriteArrayList<>();

	private final AtomicInteger failuresLeft = new AtomicInteger();

	private final java.util.Set<String> reviewers = java.util.concurrent.ConcurrentHashMap.newKeySet();

	private final Server server;

	private ReviewStandIn() throws IOException {
		ReviewServiceGrpc.ReviewServiceImplBase service = new ReviewServiceGrpc.ReviewServiceImplBase() {
			@Override
			public void openReview(OpenReviewRequest request, StreamObserver<OpenReviewResponse> response) {
				if (ReviewStandIn.this.failuresLeft.getAndDecrement() > 0) {
					response.onError(Status.UNAVAILABLE.withDescription("review-service restarting").asRuntimeException());
					return;
				}
				ReviewStandIn.this.received.add(request);
				response.onNext(OpenReviewResponse.newBuilder()
					.setReviewItemId(java.util.UUID.nameUUIDFromBytes(request.getIdempotencyKey().getBytes()).toString())
					.setState(ReviewState.REVIEW_STATE_AWAITING_ROUND)
					.build());
				response.onCompleted();
			}

			@Override
			public void checkReviewerAccess(CheckReviewerAccessRequest request,
					StreamObserver<CheckReviewerAccessResponse> response) {
				if (ReviewStandIn.this.failuresLeft.getAndDecrement() > 0) {
					response.onError(Status.UNAVAILABLE.withDescription("review-service restarting").asRuntimeException());
					return;
				}
				String caller = lastTokenPayload();
				boolean allowed = ReviewStandIn.this.reviewers.stream()
					.anyMatch(r -> caller.contains("\"preferred_username\":\"" + r + "\""))
						&& request.getOwningContext() == OwningContext.OWNING_CONTEXT_TALENT;
				response.onNext(CheckReviewerAccessResponse.newBuilder().setAllowed(allowed).build());
				response.onCompleted();
			}
		};
		ServerInterceptor capture = new ServerInterceptor() {
			@Override
			public <ReqT, RespT> ServerCall.Listener<ReqT> interceptCall(ServerCall<ReqT, RespT> call, Metadata headers,
					ServerCallHandler<ReqT, RespT> next) {
				String authorization = headers.get(AUTHORIZATION);
				ReviewStandIn.this.tokens.add(authorization == null ? "" : authorization);
				return next.startCall(call, headers);
			}
		};
		this.server = ServerBuilder.forPort(0).addService(ServerInterceptors.intercept(service, capture)).build().start();
	}

	static ReviewStandIn start() {
		try {
			return new ReviewStandIn();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	String target() {
		return "static://localhost:" + this.server.getPort();
	}

	/** Experts (usernames) this stand-in says review every application. */
	void allowReviewer(String username) {
		this.reviewers.add(username);
	}

	void failNext(int calls) {
		this.failuresLeft.set(calls);
	}

	List<OpenReviewRequest> received() {
		return this.received;
	}

	/** The decoded JWT payload of the last call's bearer token ("" without one). */
	String lastTokenPayload() {
		if (this.tokens.isEmpty() || !this.tokens.get(this.tokens.size() - 1).startsWith("Bearer ")) {
			return "";
		}
		String jwt = this.tokens.get(this.tokens.size() - 1).substring(7);
		return new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
	}

	void clear() {
		this.received.clear();
		this.tokens.clear();
		this.failuresLeft.set(0);
		this.reviewers.clear();
	}

	void stop() {
		this.server.shutdownNow();
	}

}
