package cn.jiangmen.innovation.talent.grpc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.jiangmen.innovation.contracts.talent.v1.ApplicationSummary;
import cn.jiangmen.innovation.contracts.talent.v1.AwardApplicationRequest;
import cn.jiangmen.innovation.contracts.talent.v1.AwardApplicationResponse;
import cn.jiangmen.innovation.contracts.talent.v1.CallApplicationsView;
import cn.jiangmen.innovation.contracts.talent.v1.DecideFormalCheckRequest;
import cn.jiangmen.innovation.contracts.talent.v1.DecideFormalCheckResponse;
import cn.jiangmen.innovation.contracts.talent.v1.DeclineApplicationRequest;
import cn.jiangmen.innovation.contracts.talent.v1.DeclineApplicationResponse;
import cn.jiangmen.innovation.contracts.talent.v1.ListCallApplicationsRequest;
import cn.jiangmen.innovation.contracts.talent.v1.ListCallApplicationsResponse;
import cn.jiangmen.innovation.contracts.talent.v1.RecommendApplicationRequest;
import cn.jiangmen.innovation.contracts.talent.v1.RecommendApplicationResponse;
import cn.jiangmen.innovation.contracts.talent.v1.RecordReviewOutcomeRequest;
import cn.jiangmen.innovation.contracts.talent.v1.RecordReviewOutcomeResponse;
import cn.jiangmen.innovation.platform.domain.Caller;
import cn.jiangmen.innovation.platform.error.FieldViolation;
import cn.jiangmen.innovation.platform.error.InvalidInputException;
import cn.jiangmen.innovation.platform.grpc.ProtoTimes;
import cn.jiangmen.innovation.platform.paging.PageRequest;
import cn.jiangmen.innovation.platform.security.Callers;
import cn.jiangmen.innovation.talent.application.ApplicationCommands;
import cn.jiangmen.innovation.talent.application.ApplicationQueries;
import cn.jiangmen.innovation.talent.application.AttachmentService;
import cn.jiangmen.innovation.talent.domain.ApplicationId;
import cn.jiangmen.innovation.talent.domain.ApplicationStatus;
import cn.jiangmen.innovation.talent.domain.CallId;
import cn.jiangmen.innovation.talent.domain.ReviewOutcome;
import cn.jiangmen.innovation.talent.domain.TalentAccess;
import cn.jiangmen.innovation.talent.domain.TalentApplication;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The bureau's side: the formal check queue and decision, the ranking review-service reports, the
 * recommendation list and the province's award or decline.
 */
@Component
class DecisionRpcs {

	private final ApplicationQueries queries;

	private final ApplicationCommands commands;

	/** The domain names its own fields; RecordReviewOutcomeRequest names them in snake_case. */
	private static final ProtoFieldNames OUTCOME_FIELDS = new ProtoFieldNames(
			Map.of("idempotencyKey", "idempotency_key", "scoreHundredths", "final_score_hundredths"));

	private final AttachmentService attachments;

	DecisionRpcs(ApplicationQueries queries, ApplicationCommands commands, AttachmentService attachments) {
		this.queries = queries;
		this.commands = commands;
		this.attachments = attachments;
	}

	ListCallApplicationsResponse callApplications(ListCallApplicationsRequest request) {
		Caller caller = Callers.current();
		CallId call = CallId.parse(request.getCallId(), "call_id");
		PageRequest page = ListPages.of(request.getPageSize(), request.getPageToken());
		List<TalentApplication> all = switch (request.getView()) {
			case CALL_APPLICATIONS_VIEW_FORMAL_CHECK -> this.queries.awaitingFormalCheck(call, caller);
			case CALL_APPLICATIONS_VIEW_RANKING -> this.queries.rankingOf(call, caller);
			default -> throw new InvalidInputException("view", "required", "must be FORMAL_CHECK or RANKING");
		};
		List<TalentApplication> items = ListPages.slice(all, page);
		// the formal check's rows carry what the check looks at: eligibility and missing documents
		List<ApplicationSummary> rows = request.getView() == CallApplicationsView.CALL_APPLICATIONS_VIEW_FORMAL_CHECK
				? items.stream()
					.map(a -> ApplicationMapper.formalCheckRow(a, this.queries.eligibilityFindings(a),
							this.attachments.list(caller, a.id())))
					.toList()
				: ApplicationMapper.summaries(items);
		return ListCallApplicationsResponse.newBuilder()
			.addAllApplications(rows)
			.setNextPageToken(page.nextToken(items.size()))
			.build();
	}

	DecideFormalCheckResponse decideFormalCheck(DecideFormalCheckRequest request) {
		Caller caller = Callers.current();
		ApplicationId id = ApplicationId.parse(request.getApplicationId(), "application_id");
		TalentApplication application = switch (request.getDecision()) {
			case FORMAL_CHECK_DECISION_PASS -> this.commands.passFormalCheck(caller, id);
			case FORMAL_CHECK_DECISION_RETURN -> this.commands.returnForCorrection(caller, id, request.getReasonsList(),
					ProtoTimes.optionalInstant(request.getCorrectionDueAt(), "correction_due_at").orElse(null));
			case FORMAL_CHECK_DECISION_REJECT -> this.commands.reject(caller, id,
					request.getReasonsCount() == 0 ? null : String.join("\n", request.getReasonsList()));
			default -> throw new InvalidInputException("decision", "required", "must be PASS, RETURN or REJECT");
		};
		return DecideFormalCheckResponse.newBuilder().setApplication(ApplicationMapper.summary(application)).build();
	}

	RecommendApplicationResponse recommend(RecommendApplicationRequest request) {
		TalentApplication application = this.commands.recommend(Callers.current(),
				ApplicationId.parse(request.getApplicationId(), "application_id"));
		return RecommendApplicationResponse.newBuilder().setApplication(ApplicationMapper.summary(application)).build();
	}

	AwardApplicationResponse award(AwardApplicationRequest request) {
		Caller caller = requireManager();
		ApplicationId id = ApplicationId.parse(request.getApplicationId(), "application_id");
		TalentApplication application = this.commands.award(caller, id, CallRequests.note(request.getNote()));
		return AwardApplicationResponse.newBuilder().setApplication(ApplicationMapper.summary(application)).build();
	}

	DeclineApplicationResponse decline(DeclineApplicationRequest request) {
		Caller caller = requireManager();
		ApplicationId id = ApplicationId.parse(request.getApplicationId(), "application_id");
		TalentApplication application = this.commands.decline(caller, id, CallRequests.note(request.getNote()));
		return DeclineApplicationResponse.newBuilder().setApplication(ApplicationMapper.summary(application)).build();
	}

	/**
	 * review-service reports a confirmed panel result: UNDER_REVIEW becomes RANKED with rank and score.
	 * Service account only (PERMISSION_DENIED otherwise); idempotent by key; every bad field at once.
	 */
	RecordReviewOutcomeResponse recordReviewOutcome(RecordReviewOutcomeRequest request) {
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
		Instant confirmedAt = null;
		try {
			confirmedAt = ProtoTimes.optionalInstant(request.getConfirmedAt(), "confirmed_at").orElse(null);
			if (confirmedAt == null) {
				violations.add(new FieldViolation("confirmed_at", "required", "must be given"));
			}
		}
		catch (InvalidInputException ex) {
			violations.addAll(ex.violations());
		}
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		ReviewOutcome outcome = new ReviewOutcome(reviewItem, request.getRank(), request.getFinalScoreHundredths(),
				request.getPassedThresholds(), confirmedAt);
		ApplicationStatus status;
		try {
			status = this.commands.recordReviewOutcome(caller, request.getIdempotencyKey(), applicationId, outcome);
		}
		catch (InvalidInputException ex) {
			throw OUTCOME_FIELDS.rename(ex);
		}
		return RecordReviewOutcomeResponse.newBuilder().setStatus(ApplicationMapper.status(status)).build();
	}

	/** The application services check this too; here it comes before input is parsed (403 before 400). */
	private static Caller requireManager() {
		Caller caller = Callers.current();
		if (!TalentAccess.isManager(caller)) {
			throw new AccessDeniedException("Only program managers take this decision");
		}
		return caller;
	}

}
