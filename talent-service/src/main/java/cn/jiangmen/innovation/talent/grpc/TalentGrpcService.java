package cn.jiangmen.innovation.talent.grpc;

import cn.jiangmen.innovation.platform.paging.PageRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.jiangmen.innovation.contracts.talent.v1.AwardApplicationRequest;
import cn.jiangmen.innovation.contracts.talent.v1.AwardApplicationResponse;
import cn.jiangmen.innovation.contracts.talent.v1.CallApplicationsView;
import cn.jiangmen.innovation.contracts.talent.v1.CreateCallRequest;
import cn.jiangmen.innovation.contracts.talent.v1.CreateCallResponse;
import cn.jiangmen.innovation.contracts.talent.v1.DeclineApplicationRequest;
import cn.jiangmen.innovation.contracts.talent.v1.DeclineApplicationResponse;
import cn.jiangmen.innovation.contracts.talent.v1.CreateApplicationRequest;
import cn.jiangmen.innovation.contracts.talent.v1.CreateApplicationResponse;
import cn.jiangmen.innovation.contracts.talent.v1.DecideFormalCheckRequest;
import cn.jiangmen.innovation.contracts.talent.v1.DecideFormalCheckResponse;
import cn.jiangmen.innovation.contracts.talent.v1.DeleteAttachmentRequest;
import cn.jiangmen.innovation.contracts.talent.v1.DeleteAttachmentResponse;
import cn.jiangmen.innovation.contracts.talent.v1.DownloadAttachmentRequest;
import cn.jiangmen.innovation.contracts.talent.v1.DownloadAttachmentResponse;
import cn.jiangmen.innovation.contracts.talent.v1.GetApplicationRequest;
import cn.jiangmen.innovation.contracts.talent.v1.GetApplicationResponse;
import cn.jiangmen.innovation.contracts.talent.v1.GetApplicationSummaryRequest;
import cn.jiangmen.innovation.contracts.talent.v1.GetApplicationSummaryResponse;
import cn.jiangmen.innovation.contracts.talent.v1.ListApplicationsRequest;
import cn.jiangmen.innovation.contracts.talent.v1.ListAttachmentsRequest;
import cn.jiangmen.innovation.contracts.talent.v1.ListAttachmentsResponse;
import cn.jiangmen.innovation.contracts.talent.v1.ListNoticesRequest;
import cn.jiangmen.innovation.contracts.talent.v1.ListNoticesResponse;
import cn.jiangmen.innovation.contracts.talent.v1.ListApplicationsResponse;
import cn.jiangmen.innovation.contracts.talent.v1.ListCallApplicationsRequest;
import cn.jiangmen.innovation.contracts.talent.v1.ListCallApplicationsResponse;
import cn.jiangmen.innovation.contracts.talent.v1.ListCallsRequest;
import cn.jiangmen.innovation.contracts.talent.v1.ListCallsResponse;
import cn.jiangmen.innovation.contracts.talent.v1.OpenCallRequest;
import cn.jiangmen.innovation.contracts.talent.v1.OpenCallResponse;
import cn.jiangmen.innovation.contracts.talent.v1.RecommendApplicationRequest;
import cn.jiangmen.innovation.contracts.talent.v1.RecommendApplicationResponse;
import cn.jiangmen.innovation.contracts.talent.v1.RecordReviewOutcomeRequest;
import cn.jiangmen.innovation.contracts.talent.v1.RecordReviewOutcomeResponse;
import cn.jiangmen.innovation.contracts.talent.v1.SaveApplicationRequest;
import cn.jiangmen.innovation.contracts.talent.v1.SaveApplicationResponse;
import cn.jiangmen.innovation.contracts.talent.v1.SubmitApplicationRequest;
import cn.jiangmen.innovation.contracts.talent.v1.SubmitApplicationResponse;
import cn.jiangmen.innovation.contracts.talent.v1.TalentServiceGrpc;
import cn.jiangmen.innovation.contracts.talent.v1.UploadAttachmentRequest;
import cn.jiangmen.innovation.contracts.talent.v1.UploadAttachmentResponse;
import cn.jiangmen.innovation.contracts.talent.v1.WithdrawApplicationRequest;
import cn.jiangmen.innovation.contracts.talent.v1.WithdrawApplicationResponse;
import cn.jiangmen.innovation.platform.error.FieldViolation;
import cn.jiangmen.innovation.platform.error.InvalidInputException;
import cn.jiangmen.innovation.talent.application.ApplicationCommands;
import cn.jiangmen.innovation.talent.application.ApplicationQueries;
import cn.jiangmen.innovation.talent.application.AttachmentService;
import cn.jiangmen.innovation.talent.application.CallCatalogue;
import cn.jiangmen.innovation.platform.security.Callers;
import cn.jiangmen.innovation.talent.domain.ApplicationId;
import cn.jiangmen.innovation.talent.domain.ApplicationStatus;
import cn.jiangmen.innovation.talent.domain.AttachmentId;
import cn.jiangmen.innovation.talent.domain.CallId;
import cn.jiangmen.innovation.talent.domain.Category;
import cn.jiangmen.innovation.talent.domain.EligibilityRules;
import cn.jiangmen.innovation.talent.domain.ReviewOutcome;
import cn.jiangmen.innovation.talent.domain.TalentApplication;
import cn.jiangmen.innovation.talent.domain.TalentCall;
import cn.jiangmen.innovation.platform.domain.Caller;
import cn.jiangmen.innovation.talent.domain.TalentAccess;
import com.google.protobuf.ByteString;
import io.grpc.stub.StreamObserver;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * gRPC face of talent-service, for the portal and other services: the same application services,
 * visibility rules and error model as REST (INVALID_ARGUMENT with field violations, NOT_FOUND for
 * other organisations' ids, FAILED_PRECONDITION with the reason code for refused transitions).
 */
@Service
class TalentGrpcService extends TalentServiceGrpc.TalentServiceImplBase {

	private final ApplicationQueries queries;

	private final ApplicationCommands commands;

	private final CallCatalogue calls;

	private final AttachmentService attachments;

	private final Clock clock;

	TalentGrpcService(ApplicationQueries queries, ApplicationCommands commands, CallCatalogue calls,
			AttachmentService attachments, Clock clock) {
		this.queries = queries;
		this.commands = commands;
		this.calls = calls;
		this.attachments = attachments;
		this.clock = clock;
	}

	@Override
	public void listApplications(ListApplicationsRequest request,
			StreamObserver<ListApplicationsResponse> responseObserver) {
		PageRequest page = PageRequest.of(request.getPageSize(), request.getPageToken(), "page_size", "page_token");
		List<TalentApplication> items = this.queries.visibleTo(Callers.current(), page);
		responseObserver.onNext(ListApplicationsResponse.newBuilder()
			.addAllApplications(items.stream().map(ApplicationSummaries::toProto).toList())
			.setNextPageToken(page.nextToken(items.size()))
			.build());
		responseObserver.onCompleted();
	}

	@Override
	public void listNotices(ListNoticesRequest request, StreamObserver<ListNoticesResponse> responseObserver) {
		int limit = request.getLimit() == 0 ? 20 : request.getLimit();
		if (limit < 0 || limit > 100) {
			throw new InvalidInputException("limit", "range", "must be 0 to 100");
		}
		responseObserver.onNext(ListNoticesResponse.newBuilder()
			.addAllNotices(this.queries.noticesFor(Callers.current(), limit)
				.stream()
				.map(ApplicationSummaries::notice)
				.toList())
			.build());
		responseObserver.onCompleted();
	}

	@Override
	public void getApplicationSummary(GetApplicationSummaryRequest request,
			StreamObserver<GetApplicationSummaryResponse> responseObserver) {
		TalentApplication application = this.queries.get(ApplicationId.parse(request.getApplicationId(), "application_id"),
				Callers.current());
		responseObserver.onNext(GetApplicationSummaryResponse.newBuilder()
			.setApplication(ApplicationSummaries.toProto(application))
			.build());
		responseObserver.onCompleted();
	}

	/**
	 * review-service reports a confirmed panel result: UNDER_REVIEW becomes RANKED with rank and score.
	 * Service account only (PERMISSION_DENIED otherwise); idempotent by key.
	 */
	@Override
	public void recordReviewOutcome(RecordReviewOutcomeRequest request,
			StreamObserver<RecordReviewOutcomeResponse> responseObserver) {
		Caller caller = Callers.current();
		if (!TalentAccess.isService(caller)) {
			throw new AccessDeniedException("Only the service account records review outcomes");
		}
		List<FieldViolation> violations = new ArrayList<>();
		ApplicationId applicationId = null;
		try {
			applicationId = ApplicationId.parse(request.getApplicationId(), "application_id");
		}
		catch (InvalidInputException ex) {
			violations.addAll(ex.violations());
		}
		UUID reviewItem = null;
		try {
			reviewItem = UUID.fromString(request.getReviewItemId());
		}
		catch (IllegalArgumentException ex) {
			violations.add(new FieldViolation("review_item_id", "id.malformed", "must be a UUID"));
		}
		if (!request.hasConfirmedAt()) {
			violations.add(new FieldViolation("confirmed_at", "required", "must be given"));
		}
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		ReviewOutcome outcome = new ReviewOutcome(reviewItem, request.getRank(), request.getFinalScoreHundredths(),
				request.getPassedThresholds(), ApplicationSummaries.instant(request.getConfirmedAt()));
		ApplicationStatus status = this.commands.recordReviewOutcome(caller, request.getIdempotencyKey(),
				applicationId, outcome);
		responseObserver
			.onNext(RecordReviewOutcomeResponse.newBuilder().setStatus(ApplicationSummaries.toProto(status)).build());
		responseObserver.onCompleted();
	}

	@Override
	public void listCalls(ListCallsRequest request, StreamObserver<ListCallsResponse> responseObserver) {
		Instant now = this.clock.instant();
		responseObserver.onNext(ListCallsResponse.newBuilder()
			.addAllCalls(this.calls.visibleTo(Callers.current())
				.stream()
				.map(call -> ApplicationSummaries.call(call, now))
				.toList())
			.build());
		responseObserver.onCompleted();
	}

	@Override
	public void getApplication(GetApplicationRequest request, StreamObserver<GetApplicationResponse> responseObserver) {
		Caller caller = Callers.current();
		responseObserver.onNext(GetApplicationResponse.newBuilder()
			.setApplication(detail(caller, ApplicationId.parse(request.getApplicationId(), "application_id")))
			.build());
		responseObserver.onCompleted();
	}

	@Override
	public void createApplication(CreateApplicationRequest request,
			StreamObserver<CreateApplicationResponse> responseObserver) {
		Caller caller = Callers.current();
		TalentApplication created = this.commands.createDraft(caller, CallId.parse(request.getCallId(), "call_id"),
				ApplicationSummaries.fromProto(request.getForm()));
		responseObserver
			.onNext(CreateApplicationResponse.newBuilder().setApplication(detail(caller, created.id())).build());
		responseObserver.onCompleted();
	}

	@Override
	public void saveApplication(SaveApplicationRequest request,
			StreamObserver<SaveApplicationResponse> responseObserver) {
		Caller caller = Callers.current();
		ApplicationId id = ApplicationId.parse(request.getApplicationId(), "application_id");
		this.commands.update(caller, id, ApplicationSummaries.fromProto(request.getForm()),
				request.getVersion() == 0 ? null : request.getVersion());
		responseObserver.onNext(SaveApplicationResponse.newBuilder().setApplication(detail(caller, id)).build());
		responseObserver.onCompleted();
	}

	@Override
	public void submitApplication(SubmitApplicationRequest request,
			StreamObserver<SubmitApplicationResponse> responseObserver) {
		TalentApplication application = this.commands.submit(Callers.current(),
				ApplicationId.parse(request.getApplicationId(), "application_id"));
		responseObserver.onNext(SubmitApplicationResponse.newBuilder()
			.setApplication(ApplicationSummaries.toProto(application))
			.build());
		responseObserver.onCompleted();
	}

	@Override
	public void withdrawApplication(WithdrawApplicationRequest request,
			StreamObserver<WithdrawApplicationResponse> responseObserver) {
		TalentApplication application = this.commands.withdraw(Callers.current(),
				ApplicationId.parse(request.getApplicationId(), "application_id"));
		responseObserver.onNext(WithdrawApplicationResponse.newBuilder()
			.setApplication(ApplicationSummaries.toProto(application))
			.build());
		responseObserver.onCompleted();
	}

	@Override
	public void decideFormalCheck(DecideFormalCheckRequest request,
			StreamObserver<DecideFormalCheckResponse> responseObserver) {
		Caller caller = Callers.current();
		ApplicationId id = ApplicationId.parse(request.getApplicationId(), "application_id");
		TalentApplication application = switch (request.getDecision()) {
			case FORMAL_CHECK_DECISION_PASS -> this.commands.passFormalCheck(caller, id);
			case FORMAL_CHECK_DECISION_RETURN -> this.commands.returnForCorrection(caller, id,
					request.getReasonsList(),
					request.hasCorrectionDueAt() ? ApplicationSummaries.instant(request.getCorrectionDueAt()) : null);
			case FORMAL_CHECK_DECISION_REJECT -> this.commands.reject(caller, id,
					request.getReasonsCount() == 0 ? null : String.join("\n", request.getReasonsList()));
			default -> throw new InvalidInputException("decision", "required", "must be PASS, RETURN or REJECT");
		};
		responseObserver.onNext(DecideFormalCheckResponse.newBuilder()
			.setApplication(ApplicationSummaries.toProto(application))
			.build());
		responseObserver.onCompleted();
	}

	@Override
	public void recommendApplication(RecommendApplicationRequest request,
			StreamObserver<RecommendApplicationResponse> responseObserver) {
		TalentApplication application = this.commands.recommend(Callers.current(),
				ApplicationId.parse(request.getApplicationId(), "application_id"));
		responseObserver.onNext(RecommendApplicationResponse.newBuilder()
			.setApplication(ApplicationSummaries.toProto(application))
			.build());
		responseObserver.onCompleted();
	}

	@Override
	public void listCallApplications(ListCallApplicationsRequest request,
			StreamObserver<ListCallApplicationsResponse> responseObserver) {
		Caller caller = Callers.current();
		CallId call = CallId.parse(request.getCallId(), "call_id");
		List<TalentApplication> items = switch (request.getView()) {
			case CALL_APPLICATIONS_VIEW_FORMAL_CHECK -> this.queries.awaitingFormalCheck(call, caller);
			case CALL_APPLICATIONS_VIEW_RANKING -> this.queries.rankingOf(call, caller);
			default -> throw new InvalidInputException("view", "required", "must be FORMAL_CHECK or RANKING");
		};
		responseObserver.onNext(ListCallApplicationsResponse.newBuilder()
			.addAllApplications(items.stream().map(ApplicationSummaries::toProto).toList())
			.build());
		responseObserver.onCompleted();
	}

	@Override
	public void uploadAttachment(UploadAttachmentRequest request,
			StreamObserver<UploadAttachmentResponse> responseObserver) {
		var attachment = this.attachments.upload(Callers.current(),
				ApplicationId.parse(request.getApplicationId(), "application_id"), request.getKind(),
				request.getFilename(), request.getContent().toByteArray());
		responseObserver.onNext(UploadAttachmentResponse.newBuilder()
			.setAttachment(ApplicationSummaries.attachment(attachment))
			.build());
		responseObserver.onCompleted();
	}

	@Override
	public void downloadAttachment(DownloadAttachmentRequest request,
			StreamObserver<DownloadAttachmentResponse> responseObserver) {
		AttachmentService.Download download = this.attachments.download(Callers.current(),
				ApplicationId.parse(request.getApplicationId(), "application_id"),
				AttachmentId.parse(request.getAttachmentId(), "attachment_id"));
		ByteString content;
		try (InputStream in = download.content()) {
			content = ByteString.readFrom(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		responseObserver.onNext(DownloadAttachmentResponse.newBuilder()
			.setAttachment(ApplicationSummaries.attachment(download.attachment()))
			.setContent(content)
			.build());
		responseObserver.onCompleted();
	}

	@Override
	public void listAttachments(ListAttachmentsRequest request, StreamObserver<ListAttachmentsResponse> responseObserver) {
		List<cn.jiangmen.innovation.talent.domain.Attachment> list = this.attachments.list(Callers.current(),
				ApplicationId.parse(request.getApplicationId(), "application_id"));
		responseObserver.onNext(ListAttachmentsResponse.newBuilder()
			.addAllAttachments(list.stream().map(ApplicationSummaries::attachment).toList())
			.build());
		responseObserver.onCompleted();
	}

	@Override
	public void deleteAttachment(DeleteAttachmentRequest request,
			StreamObserver<DeleteAttachmentResponse> responseObserver) {
		this.attachments.remove(Callers.current(), ApplicationId.parse(request.getApplicationId(), "application_id"),
				AttachmentId.parse(request.getAttachmentId(), "attachment_id"));
		responseObserver.onNext(DeleteAttachmentResponse.getDefaultInstance());
		responseObserver.onCompleted();
	}

	/**
	 * A manager creates a call as a draft. Non-managers are refused before their input is looked at
	 * (PERMISSION_DENIED, as CallCatalogue would); bad input names every field at once, category
	 * rules and call fields together, and creates nothing.
	 */
	@Override
	public void createCall(CreateCallRequest request, StreamObserver<CreateCallResponse> responseObserver) {
		Caller caller = Callers.current();
		requireManager(caller, "Only program managers create and open calls");
		Instant opensAt = request.hasOpensAt() ? ApplicationSummaries.instant(request.getOpensAt()) : null;
		Instant closesAt = request.hasClosesAt() ? ApplicationSummaries.instant(request.getClosesAt()) : null;
		Map<Category, EligibilityRules> categories;
		try {
			categories = CallRequests.categories(request.getCategoriesList());
		}
		catch (InvalidInputException categoryProblems) {
			List<FieldViolation> all = new ArrayList<>(categoryProblems.violations());
			all.addAll(callFieldProblems(request.getTitle(), request.getPriorityFieldsList(), opensAt, closesAt));
			throw new InvalidInputException(all);
		}
		TalentCall call = this.calls.create(caller, request.getTitle(), categories, request.getPriorityFieldsList(),
				opensAt, closesAt);
		responseObserver.onNext(CreateCallResponse.newBuilder()
			.setCall(ApplicationSummaries.call(call, this.clock.instant()))
			.build());
		responseObserver.onCompleted();
	}

	@Override
	public void openCall(OpenCallRequest request, StreamObserver<OpenCallResponse> responseObserver) {
		TalentCall call = this.calls.open(Callers.current(), CallId.parse(request.getCallId(), "call_id"));
		responseObserver
			.onNext(OpenCallResponse.newBuilder().setCall(ApplicationSummaries.call(call, this.clock.instant())).build());
		responseObserver.onCompleted();
	}

	@Override
	public void awardApplication(AwardApplicationRequest request,
			StreamObserver<AwardApplicationResponse> responseObserver) {
		Caller caller = Callers.current();
		requireManager(caller, "Only program managers take this decision");
		ApplicationId id = ApplicationId.parse(request.getApplicationId(), "application_id");
		TalentApplication application = this.commands.award(caller, id, CallRequests.note(request.getNote()));
		responseObserver.onNext(AwardApplicationResponse.newBuilder()
			.setApplication(ApplicationSummaries.toProto(application))
			.build());
		responseObserver.onCompleted();
	}

	@Override
	public void declineApplication(DeclineApplicationRequest request,
			StreamObserver<DeclineApplicationResponse> responseObserver) {
		Caller caller = Callers.current();
		requireManager(caller, "Only program managers take this decision");
		ApplicationId id = ApplicationId.parse(request.getApplicationId(), "application_id");
		TalentApplication application = this.commands.decline(caller, id, CallRequests.note(request.getNote()));
		responseObserver.onNext(DeclineApplicationResponse.newBuilder()
			.setApplication(ApplicationSummaries.toProto(application))
			.build());
		responseObserver.onCompleted();
	}

	/**
	 * The domain's own checks of the call-level fields, for a request whose categories were already
	 * refused: a dry run of {@link TalentCall#create} (pure, stores nothing) without the categories,
	 * whose "categories required" finding is left out because the categories were named already.
	 */
	private List<FieldViolation> callFieldProblems(String title, List<String> priorityFields, Instant opensAt,
			Instant closesAt) {
		try {
			TalentCall.create(title, Map.of(), priorityFields, opensAt, closesAt, this.clock.instant());
		}
		catch (InvalidInputException ex) {
			return ex.violations().stream().filter(v -> !v.field().equals("categories")).toList();
		}
		throw new IllegalStateException("A call without categories was accepted");
	}

	/** The application services check this too; here it comes before input is parsed (403 before 400). */
	private static void requireManager(Caller caller, String message) {
		if (!TalentAccess.isManager(caller)) {
			throw new AccessDeniedException(message);
		}
	}

	private cn.jiangmen.innovation.contracts.talent.v1.ApplicationDetail detail(Caller caller, ApplicationId id) {
		return ApplicationSummaries.detail(this.queries.details(id, caller), this.attachments.list(caller, id));
	}

}
