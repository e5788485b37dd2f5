package cn.jiangmen.innovation.portal.review;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import cn.jiangmen.innovation.contracts.common.v1.OwningContext;
import cn.jiangmen.innovation.contracts.review.v1.AddConflictRequest;
import cn.jiangmen.innovation.contracts.review.v1.AssignExpertRequest;
import cn.jiangmen.innovation.contracts.review.v1.AssignmentDetail;
import cn.jiangmen.innovation.contracts.review.v1.AssignmentSummary;
import cn.jiangmen.innovation.contracts.review.v1.AwaitingItem;
import cn.jiangmen.innovation.contracts.review.v1.DeclareConflictRequest;
import cn.jiangmen.innovation.contracts.review.v1.ExpertProfile;
import cn.jiangmen.innovation.contracts.review.v1.GetAssignmentRequest;
import cn.jiangmen.innovation.contracts.review.v1.GetMyProfileRequest;
import cn.jiangmen.innovation.contracts.review.v1.GetMyProfileResponse;
import cn.jiangmen.innovation.contracts.review.v1.ListItemsAwaitingRoundRequest;
import cn.jiangmen.innovation.contracts.review.v1.ListMyAssignmentsRequest;
import cn.jiangmen.innovation.contracts.review.v1.ListMyAssignmentsResponse;
import cn.jiangmen.innovation.contracts.review.v1.OpenRoundRequest;
import cn.jiangmen.innovation.contracts.review.v1.OpenRoundResponse;
import cn.jiangmen.innovation.contracts.review.v1.RemoveAssignmentRequest;
import cn.jiangmen.innovation.contracts.review.v1.ReviewServiceGrpc;
import cn.jiangmen.innovation.contracts.review.v1.SaveMyProfileRequest;
import cn.jiangmen.innovation.contracts.review.v1.SaveReviewSheetRequest;
import cn.jiangmen.innovation.contracts.review.v1.SetRapporteurRequest;
import cn.jiangmen.innovation.portal.web.Refused;
import cn.jiangmen.innovation.portal.web.Rejected;
import cn.jiangmen.innovation.portal.web.ServiceErrors;
import io.grpc.StatusRuntimeException;

import org.springframework.grpc.client.GrpcChannelFactory;
import org.springframework.stereotype.Component;

/**
 * The review pages' way to review-service (gRPC channel {@code review}, the expert's token
 * relayed, so review-service applies its per-object rules). INVALID_ARGUMENT comes back as
 * {@link Rejected} (fields to fix), FAILED_PRECONDITION as {@link Refused} (a rule's code);
 * NOT_FOUND is a 404 page, PERMISSION_DENIED a 403 page, anything else a 503 page (all by
 * {@link ServiceErrors}, as for every service the portal calls).
 */
@Component
public class ReviewPortalClient {

	static final String CHANNEL = "review";

	private static final long DEADLINE_MS = 5000;

	private final ReviewServiceGrpc.ReviewServiceBlockingStub stub;

	public ReviewPortalClient(GrpcChannelFactory channels) {
		this.stub = ReviewServiceGrpc.newBlockingStub(channels.createChannel(CHANNEL));
	}

	/** Every page of the caller's assignments, with the reminders (which every page carries). */
	public ListMyAssignmentsResponse myAssignments() {
		return call(() -> {
			ListMyAssignmentsResponse first = stub().listMyAssignments(
					ListMyAssignmentsRequest.newBuilder().setPageSize(AllPages.SIZE).build());
			if (first.getNextPageToken().isEmpty()) {
				return first;
			}
			List<AssignmentSummary> rest = AllPages.read(token -> stub().listMyAssignments(
					ListMyAssignmentsRequest.newBuilder().setPageSize(AllPages.SIZE).setPageToken(token).build()),
					ListMyAssignmentsResponse::getAssignmentsList, ListMyAssignmentsResponse::getNextPageToken);
			return first.toBuilder().addAllAssignments(rest).setNextPageToken("").build();
		});
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
		return call(() -> AllPages.read(
				token -> stub().listRounds(cn.jiangmen.innovation.contracts.review.v1.ListRoundsRequest.newBuilder()
					.setPageSize(AllPages.SIZE)
					.setPageToken(token)
					.build()),
				r -> r.getRoundsList(), r -> r.getNextPageToken()));
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

	/** Items waiting for a round, oldest first; unspecified context lists all. */
	public List<AwaitingItem> awaitingItems(OwningContext context) {
		return call(() -> AllPages.read(token -> stub().listItemsAwaitingRound(ListItemsAwaitingRoundRequest.newBuilder()
			.setOwningContext(context)
			.setPageSize(AllPages.SIZE)
			.setPageToken(token)
			.build()), r -> r.getItemsList(), r -> r.getNextPageToken()));
	}

	public OpenRoundResponse openRound(OpenRoundRequest request) {
		return call(() -> stub().openRound(request));
	}

	public void assign(String roundId, String itemId, String expert) {
		call(() -> stub().assignExpert(AssignExpertRequest.newBuilder()
			.setRoundId(roundId)
			.setReviewItemId(itemId)
			.setExpert(expert)
			.build()));
	}

	public void removeAssignment(String roundId, String assignmentId) {
		call(() -> stub().removeAssignment(
				RemoveAssignmentRequest.newBuilder().setRoundId(roundId).setAssignmentId(assignmentId).build()));
	}

	public void addConflict(String roundId, String itemId, String expert, String detail) {
		call(() -> stub().addConflict(AddConflictRequest.newBuilder()
			.setRoundId(roundId)
			.setReviewItemId(itemId)
			.setExpert(expert)
			.setDetail(detail)
			.build()));
	}

	public void setRapporteur(String roundId, String itemId, String expert) {
		call(() -> stub().setRapporteur(SetRapporteurRequest.newBuilder()
			.setRoundId(roundId)
			.setReviewItemId(itemId)
			.setExpert(expert)
			.build()));
	}

	public GetMyProfileResponse myProfile() {
		return call(() -> stub().getMyProfile(GetMyProfileRequest.getDefaultInstance()));
	}

	public ExpertProfile saveMyProfile(ExpertProfile profile) {
		return call(() -> stub().saveMyProfile(SaveMyProfileRequest.newBuilder().setProfile(profile).build()).getProfile());
	}

	private ReviewServiceGrpc.ReviewServiceBlockingStub stub() {
		return this.stub.withDeadlineAfter(DEADLINE_MS, TimeUnit.MILLISECONDS);
	}

	private static <T> T call(java.util.function.Supplier<T> rpc) {
		try {
			return rpc.get();
		}
		catch (StatusRuntimeException ex) {
			throw ServiceErrors.translate("review-service", ex);
		}
	}

}
