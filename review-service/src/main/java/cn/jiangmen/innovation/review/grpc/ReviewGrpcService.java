package cn.jiangmen.innovation.review.grpc;

import java.util.function.Supplier;

import cn.jiangmen.innovation.contracts.review.v1.*;
import cn.jiangmen.innovation.platform.error.InvalidInputException;
import io.grpc.stub.StreamObserver;

import org.springframework.stereotype.Service;

/**
 * The one gRPC service of review-service: each RPC goes to the handler of its aggregate, and bad
 * input comes back named by proto field paths ({@link ProtoFieldPaths}). One proto service stays
 * one {@code BindableService}; the handlers keep each group of RPCs readable on its own.
 */
@Service
class ReviewGrpcService extends ReviewServiceGrpc.ReviewServiceImplBase {

	private final ReviewItemsGrpc items;

	private final RoundsGrpc rounds;

	private final PanelGrpc panel;

	private final ReviewSheetsGrpc sheets;

	private final ConsensusGrpc consensus;

	private final ExpertProfileGrpc profiles;

	ReviewGrpcService(ReviewItemsGrpc items, RoundsGrpc rounds, PanelGrpc panel, ReviewSheetsGrpc sheets,
			ConsensusGrpc consensus, ExpertProfileGrpc profiles) {
		this.items = items;
		this.rounds = rounds;
		this.panel = panel;
		this.sheets = sheets;
		this.consensus = consensus;
		this.profiles = profiles;
	}

	@Override
	public void openReview(OpenReviewRequest request, StreamObserver<OpenReviewResponse> response) {
		respond(response, () -> this.items.openReview(request));
	}

	@Override
	public void getReviewStatus(GetReviewStatusRequest request, StreamObserver<GetReviewStatusResponse> response) {
		respond(response, () -> this.items.getReviewStatus(request));
	}

	@Override
	public void checkReviewerAccess(CheckReviewerAccessRequest request,
			StreamObserver<CheckReviewerAccessResponse> response) {
		respond(response, () -> this.items.checkReviewerAccess(request));
	}

	@Override
	public void listItemsAwaitingRound(ListItemsAwaitingRoundRequest request,
			StreamObserver<ListItemsAwaitingRoundResponse> response) {
		respond(response, () -> this.items.listItemsAwaitingRound(request));
	}

	@Override
	public void openRound(OpenRoundRequest request, StreamObserver<OpenRoundResponse> response) {
		respond(response, () -> this.rounds.openRound(request));
	}

	@Override
	public void listRounds(ListRoundsRequest request, StreamObserver<ListRoundsResponse> response) {
		respond(response, () -> this.rounds.listRounds(request));
	}

	@Override
	public void getRoundPanel(GetRoundPanelRequest request, StreamObserver<GetRoundPanelResponse> response) {
		respond(response, () -> this.rounds.getRoundPanel(request));
	}

	@Override
	public void autoAssign(AutoAssignRequest request, StreamObserver<AutoAssignResponse> response) {
		respond(response, () -> this.rounds.autoAssign(request));
	}

	@Override
	public void getRoundResults(GetRoundResultsRequest request, StreamObserver<GetRoundResultsResponse> response) {
		respond(response, () -> this.rounds.getRoundResults(request));
	}

	@Override
	public void confirmRound(ConfirmRoundRequest request, StreamObserver<ConfirmRoundResponse> response) {
		respond(response, () -> this.rounds.confirmRound(request));
	}

	@Override
	public void assignExpert(AssignExpertRequest request, StreamObserver<AssignExpertResponse> response) {
		respond(response, () -> this.panel.assignExpert(request));
	}

	@Override
	public void removeAssignment(RemoveAssignmentRequest request, StreamObserver<RemoveAssignmentResponse> response) {
		respond(response, () -> this.panel.removeAssignment(request));
	}

	@Override
	public void addConflict(AddConflictRequest request, StreamObserver<AddConflictResponse> response) {
		respond(response, () -> this.panel.addConflict(request));
	}

	@Override
	public void setRapporteur(SetRapporteurRequest request, StreamObserver<SetRapporteurResponse> response) {
		respond(response, () -> this.panel.setRapporteur(request));
	}

	@Override
	public void listMyAssignments(ListMyAssignmentsRequest request, StreamObserver<ListMyAssignmentsResponse> response) {
		respond(response, () -> this.sheets.listMyAssignments(request));
	}

	@Override
	public void getAssignment(GetAssignmentRequest request, StreamObserver<GetAssignmentResponse> response) {
		respond(response, () -> this.sheets.getAssignment(request));
	}

	@Override
	public void declareConflict(DeclareConflictRequest request, StreamObserver<DeclareConflictResponse> response) {
		respond(response, () -> this.sheets.declareConflict(request));
	}

	@Override
	public void saveReviewSheet(SaveReviewSheetRequest request, StreamObserver<SaveReviewSheetResponse> response) {
		respond(response, () -> this.sheets.saveReviewSheet(request));
	}

	@Override
	public void getConsensus(GetConsensusRequest request, StreamObserver<GetConsensusResponse> response) {
		respond(response, () -> this.consensus.getConsensus(request));
	}

	@Override
	public void writeConsensus(WriteConsensusRequest request, StreamObserver<WriteConsensusResponse> response) {
		respond(response, () -> this.consensus.writeConsensus(request));
	}

	@Override
	public void getMyProfile(GetMyProfileRequest request, StreamObserver<GetMyProfileResponse> response) {
		respond(response, () -> this.profiles.getMyProfile(request));
	}

	@Override
	public void saveMyProfile(SaveMyProfileRequest request, StreamObserver<SaveMyProfileResponse> response) {
		respond(response, () -> this.profiles.saveMyProfile(request));
	}

	/**
	 * Other failures propagate to the platform's {@code GrpcStatusMapper}; bad input is renamed
	 * first, because the domain names fields by its own paths.
	 */
	private static <T> void respond(StreamObserver<T> response, Supplier<T> call) {
		T answer;
		try {
			answer = call.get();
		}
		catch (InvalidInputException invalid) {
			throw ProtoFieldPaths.translated(invalid);
		}
		response.onNext(answer);
		response.onCompleted();
	}

}
