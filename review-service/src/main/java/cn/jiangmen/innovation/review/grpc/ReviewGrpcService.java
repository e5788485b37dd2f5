package cn.jiangmen.innovation.review.grpc;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import cn.jiangmen.innovation.contracts.common.v1.OwningContext;
import cn.jiangmen.innovation.contracts.review.v1.CheckReviewerAccessRequest;
import cn.jiangmen.innovation.contracts.review.v1.CheckReviewerAccessResponse;
import cn.jiangmen.innovation.contracts.review.v1.GetReviewStatusRequest;
import cn.jiangmen.innovation.contracts.review.v1.GetReviewStatusResponse;
import cn.jiangmen.innovation.contracts.review.v1.OpenReviewRequest;
import cn.jiangmen.innovation.contracts.review.v1.OpenReviewResponse;
import cn.jiangmen.innovation.contracts.review.v1.ReviewServiceGrpc;
import cn.jiangmen.innovation.contracts.review.v1.GetRoundResultsRequest;
import cn.jiangmen.innovation.contracts.review.v1.GetRoundResultsResponse;
import cn.jiangmen.innovation.contracts.review.v1.ItemResult;
import cn.jiangmen.innovation.contracts.review.v1.OpenRoundRequest;
import cn.jiangmen.innovation.contracts.review.v1.OpenRoundResponse;
import cn.jiangmen.innovation.contracts.review.v1.ReviewState;
import cn.jiangmen.innovation.contracts.review.v1.RoundState;
import cn.jiangmen.innovation.contracts.review.v1.Rubric;
import cn.jiangmen.innovation.review.application.RoundCommands;
import cn.jiangmen.innovation.review.application.ExpertWork;
import cn.jiangmen.innovation.review.application.ReminderService;
import cn.jiangmen.innovation.review.domain.AssignmentId;
import cn.jiangmen.innovation.contracts.review.v1.DeclareConflictRequest;
import cn.jiangmen.innovation.contracts.review.v1.DeclareConflictResponse;
import cn.jiangmen.innovation.contracts.review.v1.GetAssignmentRequest;
import cn.jiangmen.innovation.contracts.review.v1.GetAssignmentResponse;
import cn.jiangmen.innovation.contracts.review.v1.ListMyAssignmentsRequest;
import cn.jiangmen.innovation.contracts.review.v1.ListMyAssignmentsResponse;
import cn.jiangmen.innovation.contracts.review.v1.Notice;
import cn.jiangmen.innovation.contracts.review.v1.AutoAssignRequest;
import cn.jiangmen.innovation.contracts.review.v1.AutoAssignResponse;
import cn.jiangmen.innovation.contracts.review.v1.ConfirmRoundRequest;
import cn.jiangmen.innovation.contracts.review.v1.ConfirmRoundResponse;
import cn.jiangmen.innovation.contracts.review.v1.ConsensusReport;
import cn.jiangmen.innovation.contracts.review.v1.GetConsensusRequest;
import cn.jiangmen.innovation.contracts.review.v1.GetConsensusResponse;
import cn.jiangmen.innovation.contracts.review.v1.IndividualReview;
import cn.jiangmen.innovation.contracts.review.v1.WriteConsensusRequest;
import cn.jiangmen.innovation.contracts.review.v1.WriteConsensusResponse;
import cn.jiangmen.innovation.review.domain.ReviewItemId;
import cn.jiangmen.innovation.contracts.review.v1.GetRoundPanelRequest;
import cn.jiangmen.innovation.contracts.review.v1.GetRoundPanelResponse;
import cn.jiangmen.innovation.contracts.review.v1.ListRoundsRequest;
import cn.jiangmen.innovation.contracts.review.v1.ListRoundsResponse;
import cn.jiangmen.innovation.contracts.review.v1.PanelAssignment;
import cn.jiangmen.innovation.contracts.review.v1.PanelConflict;
import cn.jiangmen.innovation.contracts.review.v1.PanelExpert;
import cn.jiangmen.innovation.contracts.review.v1.PanelItem;
import cn.jiangmen.innovation.contracts.review.v1.RoundSummary;
import cn.jiangmen.innovation.contracts.review.v1.SaveReviewSheetRequest;
import cn.jiangmen.innovation.contracts.review.v1.SaveReviewSheetResponse;
import cn.jiangmen.innovation.review.application.RoundQueries;
import cn.jiangmen.innovation.review.domain.OpenRound;
import cn.jiangmen.innovation.review.domain.RoundId;
import cn.jiangmen.innovation.platform.security.Callers;
import cn.jiangmen.innovation.review.application.ReviewCommands;
import cn.jiangmen.innovation.review.application.ReviewQueries;
import cn.jiangmen.innovation.review.domain.OpenReview;
import cn.jiangmen.innovation.review.domain.ReviewItem;
import cn.jiangmen.innovation.contracts.review.v1.AddConflictRequest;
import cn.jiangmen.innovation.contracts.review.v1.AddConflictResponse;
import cn.jiangmen.innovation.contracts.review.v1.AssignExpertRequest;
import cn.jiangmen.innovation.contracts.review.v1.AssignExpertResponse;
import cn.jiangmen.innovation.contracts.review.v1.AwaitingItem;
import cn.jiangmen.innovation.contracts.review.v1.ExpertProfile;
import cn.jiangmen.innovation.contracts.review.v1.GetMyProfileRequest;
import cn.jiangmen.innovation.contracts.review.v1.GetMyProfileResponse;
import cn.jiangmen.innovation.contracts.review.v1.ListItemsAwaitingRoundRequest;
import cn.jiangmen.innovation.contracts.review.v1.ListItemsAwaitingRoundResponse;
import cn.jiangmen.innovation.contracts.review.v1.RemoveAssignmentRequest;
import cn.jiangmen.innovation.contracts.review.v1.RemoveAssignmentResponse;
import cn.jiangmen.innovation.contracts.review.v1.SaveMyProfileRequest;
import cn.jiangmen.innovation.contracts.review.v1.SaveMyProfileResponse;
import cn.jiangmen.innovation.contracts.review.v1.SetRapporteurRequest;
import cn.jiangmen.innovation.contracts.review.v1.SetRapporteurResponse;
import cn.jiangmen.innovation.platform.error.InvalidInputException;
import cn.jiangmen.innovation.review.application.ExpertPool;
import cn.jiangmen.innovation.review.domain.Assignment;
import cn.jiangmen.innovation.review.domain.ExpertId;
import cn.jiangmen.innovation.review.domain.RecordedConflict;
import io.grpc.stub.StreamObserver;

import org.springframework.stereotype.Service;

/** gRPC face of review-service: owning services open reviews and ask where they stand. */
@Service
class ReviewGrpcService extends ReviewServiceGrpc.ReviewServiceImplBase {

	private final ReviewCommands commands;

	private final ReviewQueries queries;

	private final RoundCommands rounds;

	private final RoundQueries roundQueries;

	private final Clock clock;

	private final ExpertWork expertWork;

	private final ReminderService reminders;

	private final ExpertPool experts;

	ReviewGrpcService(ReviewCommands commands, ReviewQueries queries, RoundCommands rounds, RoundQueries roundQueries,
			Clock clock, ExpertWork expertWork, ReminderService reminders, ExpertPool experts) {
		this.experts = experts;
		this.expertWork = expertWork;
		this.reminders = reminders;
		this.commands = commands;
		this.queries = queries;
		this.rounds = rounds;
		this.roundQueries = roundQueries;
		this.clock = clock;
	}

	@Override
	public void openRound(OpenRoundRequest request, StreamObserver<OpenRoundResponse> responseObserver) {
		RoundCommands.Opened opened = this.rounds.open(Callers.current(), () -> OpenRound.of(request.getName(),
				owningContext(request.getOwningContext()), request.getReviewItemIdsList(),
				() -> rubric(request.hasRubric() ? request.getRubric() : Rubric.getDefaultInstance()), request.getBlind(),
				request.hasDeadline() ? Instant.ofEpochSecond(request.getDeadline().getSeconds(), request.getDeadline().getNanos())
						: null,
				request.getReviewersPerItem(), request.getMaxItemsPerExpert(), request.getDisagreementLimitHundredths(),
				this.clock.instant()));
		responseObserver.onNext(OpenRoundResponse.newBuilder()
			.setRoundId(opened.round().id().toString())
			.setConflictsDetected(opened.conflictsDetected())
			.build());
		responseObserver.onCompleted();
	}

	@Override
	public void getRoundResults(GetRoundResultsRequest request, StreamObserver<GetRoundResultsResponse> responseObserver) {
		RoundQueries.Results results = this.roundQueries.results(Callers.current(),
				RoundId.parse(request.getRoundId(), "round_id"));
		GetRoundResultsResponse.Builder response = GetRoundResultsResponse.newBuilder()
			.setRoundId(results.round().id().toString())
			.setState(results.round().isOpen() ? RoundState.ROUND_STATE_OPEN : RoundState.ROUND_STATE_CONFIRMED);
		for (RoundQueries.ItemRow row : results.rows()) {
			var r = row.result();
			ItemResult.Builder item = ItemResult.newBuilder()
				.setReviewItemId(row.item().id().toString())
				.setItemId(row.item().itemId().toString())
				.setSubmittedReviews(r.reviews())
				.setMeanHundredths(hundredths(r.mean()))
				.setMedianHundredths(hundredths(r.median()))
				.setStdDevHundredths(hundredths(r.stdDev()))
				.setNormalisedHundredths(hundredths(r.normalised()))
				.setDisagreement(r.disagreement())
				.addAllFailedThresholds(r.failedThresholds())
				.setIndividualRank(r.rank())
				.setPassedThresholds(r.passedThresholds());
			row.consensus().ifPresent(c -> item.setHasConsensus(true)
				.setFinalHundredths(c.finalHundredths())
				.setPassedThresholds(c.passedThresholds()));
			row.outcome().ifPresent(o -> item.setFinalRank(o.rank()));
			response.addItems(item);
		}
		responseObserver.onNext(response.build());
		responseObserver.onCompleted();
	}

	@Override
	public void listMyAssignments(ListMyAssignmentsRequest request,
			StreamObserver<ListMyAssignmentsResponse> responseObserver) {
		var caller = Callers.current();
		ListMyAssignmentsResponse.Builder response = ListMyAssignmentsResponse.newBuilder();
		this.expertWork.mine(caller).forEach(v -> response.addAssignments(ExpertGrpcMapping.summary(v)));
		this.reminders.myNotices(caller)
			.forEach(n -> response.addNotices(Notice.newBuilder()
				.setRoundId(n.round().toString())
				.setRoundName(n.roundName())
				.setDeadline(com.google.protobuf.Timestamp.newBuilder().setSeconds(n.deadline().getEpochSecond()))
				.setPendingReviews(n.pending())));
		responseObserver.onNext(response.build());
		responseObserver.onCompleted();
	}

	@Override
	public void getAssignment(GetAssignmentRequest request, StreamObserver<GetAssignmentResponse> responseObserver) {
		var view = this.expertWork.view(Callers.current(), AssignmentId.parse(request.getAssignmentId(), "assignment_id"));
		responseObserver.onNext(GetAssignmentResponse.newBuilder().setAssignment(ExpertGrpcMapping.detail(view)).build());
		responseObserver.onCompleted();
	}

	@Override
	public void declareConflict(DeclareConflictRequest request, StreamObserver<DeclareConflictResponse> responseObserver) {
		var caller = Callers.current();
		AssignmentId id = AssignmentId.parse(request.getAssignmentId(), "assignment_id");
		this.expertWork.declare(caller, id, request.getConflict(), request.getNote());
		DeclareConflictResponse.Builder response = DeclareConflictResponse.newBuilder();
		if (!request.getConflict()) {
			response.setAssignment(ExpertGrpcMapping.detail(this.expertWork.view(caller, id)));
		}
		responseObserver.onNext(response.build());
		responseObserver.onCompleted();
	}

	@Override
	public void saveReviewSheet(SaveReviewSheetRequest request, StreamObserver<SaveReviewSheetResponse> responseObserver) {
		var caller = Callers.current();
		AssignmentId id = AssignmentId.parse(request.getAssignmentId(), "assignment_id");
		this.expertWork.saveSheet(caller, id, request.getVersion(), request.getScoresMap(), request.getCommentsMap(),
				request.getOverallComment(), request.getSubmit());
		responseObserver.onNext(SaveReviewSheetResponse.newBuilder()
			.setAssignment(ExpertGrpcMapping.detail(this.expertWork.view(caller, id)))
			.build());
		responseObserver.onCompleted();
	}

	@Override
	public void listRounds(ListRoundsRequest request, StreamObserver<ListRoundsResponse> responseObserver) {
		ListRoundsResponse.Builder response = ListRoundsResponse.newBuilder();
		this.roundQueries.all(Callers.current()).forEach(r -> response.addRounds(roundSummary(r)));
		responseObserver.onNext(response.build());
		responseObserver.onCompleted();
	}

	@Override
	public void getRoundPanel(GetRoundPanelRequest request, StreamObserver<GetRoundPanelResponse> responseObserver) {
		var caller = Callers.current();
		RoundId id = RoundId.parse(request.getRoundId(), "round_id");
		RoundQueries.Matrix matrix = this.roundQueries.matrix(caller, id);
		GetRoundPanelResponse.Builder response = GetRoundPanelResponse.newBuilder().setRound(roundSummary(matrix.round()));
		matrix.items()
			.forEach(i -> response.addItems(PanelItem.newBuilder()
				.setReviewItemId(i.id().toString())
				.setTitle(i.title())
				.setRapporteur(java.util.Optional.ofNullable(matrix.rapporteurs().get(i.id()))
					.map(Object::toString)
					.orElse(""))));
		matrix.experts()
			.forEach(e -> response.addExperts(PanelExpert.newBuilder()
				.setSubject(e.id().subject())
				.setUsername(e.username())
				.setDisplayName(e.displayName())
				.setMeanSecondsToSubmit(java.util.Optional.ofNullable(matrix.meanTurnaround().get(e.id()))
					.map(java.time.Duration::toSeconds)
					.orElse(0L))));
		matrix.assignments().forEach(a -> response.addAssignments(panelAssignment(a)));
		this.roundQueries.conflicts(caller, id).forEach(c -> response.addConflicts(panelConflict(c)));
		responseObserver.onNext(response.build());
		responseObserver.onCompleted();
	}

	@Override
	public void getConsensus(GetConsensusRequest request, StreamObserver<GetConsensusResponse> responseObserver) {
		ExpertWork.ConsensusContext context = this.expertWork.consensusContext(Callers.current(),
				RoundId.parse(request.getRoundId(), "round_id"),
				ReviewItemId.parse(request.getReviewItemId(), "review_item_id"));
		GetConsensusResponse.Builder response = GetConsensusResponse.newBuilder()
			.setRoundName(context.round().name())
			.setItemTitle(context.item().title())
			.setRubric(ExpertGrpcMapping.rubric(context.round().rubric()))
			.setAllSubmitted(context.allSubmitted());
		context.reviews()
			.forEach(r -> response.addReviews(IndividualReview.newBuilder()
				.setReviewer(r.reviewer())
				.putAllScores(r.scores())
				.putAllComments(r.comments())
				.setOverallComment(r.overallComment())
				.setOverallHundredths(r.overallHundredths())));
		context.report().ifPresent(c -> response.setReport(report(c)));
		responseObserver.onNext(response.build());
		responseObserver.onCompleted();
	}

	@Override
	public void writeConsensus(WriteConsensusRequest request, StreamObserver<WriteConsensusResponse> responseObserver) {
		var saved = this.expertWork.writeConsensus(Callers.current(), RoundId.parse(request.getRoundId(), "round_id"),
				ReviewItemId.parse(request.getReviewItemId(), "review_item_id"), request.getVersion(),
				request.getFinalScoresMap(), request.getReport());
		responseObserver.onNext(WriteConsensusResponse.newBuilder().setReport(report(saved)).build());
		responseObserver.onCompleted();
	}

	@Override
	public void autoAssign(AutoAssignRequest request, StreamObserver<AutoAssignResponse> responseObserver) {
		RoundCommands.AutoAssigned result = this.rounds.autoAssign(Callers.current(),
				RoundId.parse(request.getRoundId(), "round_id"));
		AutoAssignResponse.Builder response = AutoAssignResponse.newBuilder().setAssignmentsAdded(result.added().size());
		result.shortfalls().forEach((item, missing) -> response.putShortfalls(item.toString(), missing));
		responseObserver.onNext(response.build());
		responseObserver.onCompleted();
	}

	@Override
	public void confirmRound(ConfirmRoundRequest request, StreamObserver<ConfirmRoundResponse> responseObserver) {
		RoundId id = RoundId.parse(request.getRoundId(), "round_id");
		this.rounds.confirm(Callers.current(), id);
		StreamObserver<GetRoundResultsResponse> capture = new StreamObserver<>() {
			@Override
			public void onNext(GetRoundResultsResponse value) {
				responseObserver.onNext(ConfirmRoundResponse.newBuilder().setResults(value).build());
			}

			@Override
			public void onError(Throwable t) {
				responseObserver.onError(t);
			}

			@Override
			public void onCompleted() {
				responseObserver.onCompleted();
			}
		};
		getRoundResults(GetRoundResultsRequest.newBuilder().setRoundId(id.toString()).build(), capture);
	}

	@Override
	public void listItemsAwaitingRound(ListItemsAwaitingRoundRequest request,
			StreamObserver<ListItemsAwaitingRoundResponse> responseObserver) {
		Optional<cn.jiangmen.innovation.review.domain.OwningContext> context = switch (request.getOwningContext()) {
			case OWNING_CONTEXT_UNSPECIFIED -> Optional.empty();
			case UNRECOGNIZED -> throw new InvalidInputException("owning_context", "required",
					"must be TALENT, PROJECT or unspecified");
			default -> Optional.of(owningContext(request.getOwningContext()));
		};
		ListItemsAwaitingRoundResponse.Builder response = ListItemsAwaitingRoundResponse.newBuilder();
		for (ReviewItem item : this.roundQueries.awaitingRound(Callers.current(), context)) {
			AwaitingItem.Builder row = AwaitingItem.newBuilder()
				.setReviewItemId(item.id().toString())
				.setOwningContext(toProto(item.owningContext()))
				.setItemId(item.itemId().toString())
				.setTitle(item.title())
				.addAllFieldCodes(item.fieldCodes())
				.setOpenedAt(timestamp(item.openedAt()));
			item.submittedAt().ifPresent(at -> row.setSubmittedAt(timestamp(at)));
			response.addItems(row);
		}
		responseObserver.onNext(response.build());
		responseObserver.onCompleted();
	}

	@Override
	public void assignExpert(AssignExpertRequest request, StreamObserver<AssignExpertResponse> responseObserver) {
		Assignment assignment = this.rounds.assign(Callers.current(), RoundId.parse(request.getRoundId(), "round_id"),
				ReviewItemId.parse(request.getReviewItemId(), "review_item_id"), expert(request.getExpert()));
		responseObserver.onNext(AssignExpertResponse.newBuilder().setAssignment(panelAssignment(assignment)).build());
		responseObserver.onCompleted();
	}

	@Override
	public void removeAssignment(RemoveAssignmentRequest request,
			StreamObserver<RemoveAssignmentResponse> responseObserver) {
		this.rounds.unassign(Callers.current(), RoundId.parse(request.getRoundId(), "round_id"),
				AssignmentId.parse(request.getAssignmentId(), "assignment_id"));
		responseObserver.onNext(RemoveAssignmentResponse.getDefaultInstance());
		responseObserver.onCompleted();
	}

	@Override
	public void addConflict(AddConflictRequest request, StreamObserver<AddConflictResponse> responseObserver) {
		RecordedConflict recorded = this.rounds.addManualConflict(Callers.current(),
				RoundId.parse(request.getRoundId(), "round_id"),
				ReviewItemId.parse(request.getReviewItemId(), "review_item_id"), expert(request.getExpert()),
				request.getDetail());
		responseObserver.onNext(AddConflictResponse.newBuilder().setConflict(panelConflict(recorded)).build());
		responseObserver.onCompleted();
	}

	@Override
	public void setRapporteur(SetRapporteurRequest request, StreamObserver<SetRapporteurResponse> responseObserver) {
		this.rounds.setRapporteur(Callers.current(), RoundId.parse(request.getRoundId(), "round_id"),
				ReviewItemId.parse(request.getReviewItemId(), "review_item_id"), expert(request.getExpert()));
		responseObserver.onNext(SetRapporteurResponse.getDefaultInstance());
		responseObserver.onCompleted();
	}

	@Override
	public void getMyProfile(GetMyProfileRequest request, StreamObserver<GetMyProfileResponse> responseObserver) {
		var caller = Callers.current();
		GetMyProfileResponse response = this.experts.mine(caller)
			.map(e -> GetMyProfileResponse.newBuilder().setProfile(ExpertGrpcMapping.profile(e)).setFound(true).build())
			.orElseGet(() -> GetMyProfileResponse.newBuilder()
				.setProfile(ExpertProfile.newBuilder().setSubject(caller.subject()).setUsername(caller.username()))
				.setFound(false)
				.build());
		responseObserver.onNext(response);
		responseObserver.onCompleted();
	}

	@Override
	public void saveMyProfile(SaveMyProfileRequest request, StreamObserver<SaveMyProfileResponse> responseObserver) {
		var saved = this.experts.saveMine(Callers.current(), ExpertGrpcMapping.input(request.getProfile()));
		responseObserver.onNext(SaveMyProfileResponse.newBuilder().setProfile(ExpertGrpcMapping.profile(saved)).build());
		responseObserver.onCompleted();
	}

	private static ExpertId expert(String subject) {
		if (subject == null || subject.isBlank()) {
			throw new InvalidInputException("expert", "required", "must be the expert's subject");
		}
		return new ExpertId(subject.strip());
	}

	private static com.google.protobuf.Timestamp timestamp(Instant at) {
		return com.google.protobuf.Timestamp.newBuilder().setSeconds(at.getEpochSecond()).setNanos(at.getNano()).build();
	}

	private static PanelAssignment panelAssignment(Assignment a) {
		return PanelAssignment.newBuilder()
			.setAssignmentId(a.id().toString())
			.setReviewItemId(a.item().toString())
			.setExpert(a.expert().subject())
			.setDeclaration(cn.jiangmen.innovation.contracts.review.v1.Declaration
				.valueOf("DECLARATION_" + a.declaration().name()))
			.setSheetStatus(cn.jiangmen.innovation.contracts.review.v1.SheetStatus
				.valueOf("SHEET_STATUS_" + a.sheetStatus().name()))
			.setSecondsToSubmit(a.turnaround().map(java.time.Duration::toSeconds).orElse(0L))
			.setManual(a.source() == Assignment.Source.MANUAL)
			.build();
	}

	private static PanelConflict panelConflict(RecordedConflict c) {
		return PanelConflict.newBuilder()
			.setReviewItemId(c.conflict().item().toString())
			.setExpert(c.conflict().expert().subject())
			.setReason(c.conflict().reason().name())
			.setDetail(c.conflict().detail())
			.setRecordedBy(c.recordedBy())
			.build();
	}

	private static OwningContext toProto(cn.jiangmen.innovation.review.domain.OwningContext context) {
		return context == cn.jiangmen.innovation.review.domain.OwningContext.TALENT ? OwningContext.OWNING_CONTEXT_TALENT
				: OwningContext.OWNING_CONTEXT_PROJECT;
	}

	private static ConsensusReport report(cn.jiangmen.innovation.review.domain.Consensus c) {
		return ConsensusReport.newBuilder()
			.putAllFinalScores(c.finalScores())
			.setReport(c.report())
			.setFinalHundredths(c.finalHundredths())
			.addAllFailedThresholds(c.failedThresholds())
			.setVersion(c.version())
			.build();
	}

	private static RoundSummary roundSummary(cn.jiangmen.innovation.review.domain.ReviewRound r) {
		return RoundSummary.newBuilder()
			.setRoundId(r.id().toString())
			.setName(r.name())
			.setOwningContext(toProto(r.owningContext()))
			.setState(r.isOpen() ? RoundState.ROUND_STATE_OPEN : RoundState.ROUND_STATE_CONFIRMED)
			.setDeadline(com.google.protobuf.Timestamp.newBuilder().setSeconds(r.deadline().getEpochSecond()))
			.setReviewersPerItem(r.reviewersPerItem())
			.setMaxItemsPerExpert(r.maxItemsPerExpert())
			.setBlind(r.blind())
			.build();
	}

	private static int hundredths(double points) {
		return Double.isNaN(points) ? 0 : (int) Math.round(points * 100);
	}

	private static cn.jiangmen.innovation.review.domain.Rubric rubric(Rubric rubric) {
		return cn.jiangmen.innovation.review.domain.Rubric.of(rubric.getCriteriaList()
			.stream()
			.map(c -> new cn.jiangmen.innovation.review.domain.Criterion(c.getCode(), c.getName(), c.getWeightPercent(),
					c.getThreshold()))
			.toList(), rubric.getScaleMin(), rubric.getScaleMax(), rubric.getOverallThresholdHundredths(), "rubric.");
	}

	@Override
	public void openReview(OpenReviewRequest request, StreamObserver<OpenReviewResponse> responseObserver) {
		ReviewItem item = this.commands.open(Callers.current(), () -> OpenReview.of(request.getIdempotencyKey(), owningContext(request.getOwningContext()),
				request.getItemId(), request.getTitle(), request.getFieldCodesList(), request.getOrganisationIdsList(),
				request.getOrganisationNamesList(), request.hasSubmittedAt() ? Optional.of(Instant.ofEpochSecond(request.getSubmittedAt().getSeconds(),
						request.getSubmittedAt().getNanos())) : Optional.empty(), request.getLeaderPersonKey(),
				request.getMemberPersonKeysList()));
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

	@Override
	public void checkReviewerAccess(CheckReviewerAccessRequest request,
			StreamObserver<CheckReviewerAccessResponse> responseObserver) {
		java.util.UUID item;
		try {
			item = java.util.UUID.fromString(request.getItemId());
		}
		catch (IllegalArgumentException ex) {
			throw new cn.jiangmen.innovation.platform.error.InvalidInputException("item_id", "uuid", "must be a UUID");
		}
		cn.jiangmen.innovation.review.domain.OwningContext context = owningContext(request.getOwningContext());
		if (context == null) {
			throw new cn.jiangmen.innovation.platform.error.InvalidInputException("owning_context", "required",
					"must be TALENT or PROJECT");
		}
		responseObserver.onNext(CheckReviewerAccessResponse.newBuilder()
			.setAllowed(this.expertWork.mayReadOwnerItem(Callers.current(), context, item))
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
