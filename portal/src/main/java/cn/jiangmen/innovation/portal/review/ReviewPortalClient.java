package cn.jiangmen.innovation.portal.review;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import cn.jiangmen.innovation.contracts.review.v1.AssignmentDetail;
import cn.jiangmen.innovation.contracts.review.v1.DeclareConflictRequest;
import cn.jiangmen.innovation.contracts.review.v1.GetAssignmentRequest;
import cn.jiangmen.innovation.contracts.review.v1.ListMyAssignmentsRequest;
import cn.jiangmen.innovation.contracts.review.v1.ListMyAssignmentsResponse;
import cn.jiangmen.innovation.contracts.review.v1.ReviewServiceGrpc;
import cn.jiangmen.innovation.contracts.review.v1.SaveReviewSheetRequest;
import com.google.rpc.BadRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.grpc.client.GrpcChannelFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * The review pages' way to review-service (gRPC channel {@code review}, the expert's token
 * relayed, so review-service applies its per-object rules). INVALID_ARGUMENT comes back as
 * {@link Rejected} (fields to fix), FAILED_PRECONDITION as {@link Refused} (a rule's code);
 * NOT_FOUND is a 404 page, PERMISSION_DENIED a 403 page, anything else a 503 page.
 */
@Component
public class ReviewPortalClient {

	static final String CHANNEL = "review";

	private static final Logger log = LoggerFactory.getLogger(ReviewPortalClient.class);

	private static final long DEADLINE_MS = 5000;

	/** INVALID_ARGUMENT: the fields to fix. */
	public static class Rejected extends RuntimeException {

		private final transient List<String> fields;

		Rejected(List<String> fields) {
			super("review-service rejected " + fields);
			this.fields = List.copyOf(fields);
		}

		public List<String> fields() {
			return this.fields;
		}

	}

	/** FAILED_PRECONDITION: e.g. a stale version or an already submitted review. */
	public static class Refused extends RuntimeException {

		Refused(String description) {
			super(description);
		}

	}

	private final ReviewServiceGrpc.ReviewServiceBlockingStub stub;

	public ReviewPortalClient(GrpcChannelFactory channels) {
		this.stub = ReviewServiceGrpc.newBlockingStub(channels.createChannel(CHANNEL));
	}

	public ListMyAssignmentsResponse myAssignments() {
		return call(() -> stub().listMyAssignments(ListMyAssignmentsRequest.getDefaultInstance()));
	}

	public AssignmentDetail assignment(String id) {
		return call(() -> stub().getAssignment(GetAssignmentRequest.newBuilder().setAssignmentId(id).build()).getAssignment());
	}

	public void declare(String id, boolean conflict, String note) {
		call(() -> stub().declareConflict(DeclareConflictRequest.newBuilder()
			.setAssignmentId(id)
			.setConflict(conflict)
			.setNote(note == null ? "" : note)
			.build()));
	}

	public AssignmentDetail save(String id, long version, Map<String, Integer> scores, Map<String, String> comments,
			String overallComment, boolean submit) {
		return call(() -> stub().saveReviewSheet(SaveReviewSheetRequest.newBuilder()
			.setAssignmentId(id)
			.setVersion(version)
			.putAllScores(scores)
			.putAllComments(comments)
			.setOverallComment(overallComment == null ? "" : overallComment)
			.setSubmit(submit)
			.build()).getAssignment());
	}

	public List<cn.jiangmen.innovation.contracts.review.v1.RoundSummary> rounds() {
		return call(() -> stub().listRounds(cn.jiangmen.innovation.contracts.review.v1.ListRoundsRequest.getDefaultInstance())
			.getRoundsList());
	}

	public cn.jiangmen.innovation.contracts.review.v1.GetRoundPanelResponse panel(String roundId) {
		return call(() -> stub().getRoundPanel(
				cn.jiangmen.innovation.contracts.review.v1.GetRoundPanelRequest.newBuilder().setRoundId(roundId).build()));
	}

	public cn.jiangmen.innovation.contracts.review.v1.GetRoundResultsResponse results(String roundId) {
		return call(() -> stub().getRoundResults(
				cn.jiangmen.innovation.contracts.review.v1.GetRoundResultsRequest.newBuilder().setRoundId(roundId).build()));
	}

	public cn.jiangmen.innovation.contracts.review.v1.GetConsensusResponse consensus(String roundId, String itemId) {
		return call(() -> stub().getConsensus(cn.jiangmen.innovation.contracts.review.v1.GetConsensusRequest.newBuilder()
			.setRoundId(roundId)
			.setReviewItemId(itemId)
			.build()));
	}

	public void writeConsensus(String roundId, String itemId, long version, Map<String, Integer> finalScores,
			String report) {
		call(() -> stub().writeConsensus(cn.jiangmen.innovation.contracts.review.v1.WriteConsensusRequest.newBuilder()
			.setRoundId(roundId)
			.setReviewItemId(itemId)
			.setVersion(version)
			.putAllFinalScores(finalScores)
			.setReport(report == null ? "" : report)
			.build()));
	}

	public cn.jiangmen.innovation.contracts.review.v1.AutoAssignResponse autoAssign(String roundId) {
		return call(() -> stub().autoAssign(
				cn.jiangmen.innovation.contracts.review.v1.AutoAssignRequest.newBuilder().setRoundId(roundId).build()));
	}

	public void confirm(String roundId) {
		call(() -> stub().confirmRound(
				cn.jiangmen.innovation.contracts.review.v1.ConfirmRoundRequest.newBuilder().setRoundId(roundId).build()));
	}

	private ReviewServiceGrpc.ReviewServiceBlockingStub stub() {
		return this.stub.withDeadlineAfter(DEADLINE_MS, TimeUnit.MILLISECONDS);
	}

	private static <T> T call(java.util.function.Supplier<T> rpc) {
		try {
			return rpc.get();
		}
		catch (StatusRuntimeException ex) {
			Status.Code code = ex.getStatus().getCode();
			switch (code) {
				case NOT_FOUND -> throw new ResponseStatusException(HttpStatus.NOT_FOUND, "review-service: not found", ex);
				case PERMISSION_DENIED -> throw new AccessDeniedException("review-service refused", ex);
				case INVALID_ARGUMENT -> throw new Rejected(fields(ex));
				case FAILED_PRECONDITION -> throw new Refused(ex.getStatus().getDescription());
				default -> {
					log.warn("review-service call failed: {} {}", code, ex.getStatus().getDescription());
					throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "review-service unavailable", ex);
				}
			}
		}
	}

	static List<String> fields(StatusRuntimeException ex) {
		List<String> fields = new ArrayList<>();
		com.google.rpc.Status status = StatusProto.fromThrowable(ex);
		if (status == null) {
			return fields;
		}
		for (com.google.protobuf.Any detail : status.getDetailsList()) {
			if (detail.is(BadRequest.class)) {
				try {
					detail.unpack(BadRequest.class).getFieldViolationsList().forEach(v -> fields.add(v.getField()));
				}
				catch (com.google.protobuf.InvalidProtocolBufferException bad) {
					log.debug("Unreadable BadRequest detail", bad);
				}
			}
		}
		return fields;
	}

}
