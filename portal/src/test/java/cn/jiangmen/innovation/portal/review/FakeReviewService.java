package cn.jiangmen.innovation.portal.review;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import cn.jiangmen.innovation.contracts.review.v1.AssignmentDetail;
import cn.jiangmen.innovation.contracts.review.v1.AssignmentSummary;
import cn.jiangmen.innovation.contracts.review.v1.Criterion;
import cn.jiangmen.innovation.contracts.review.v1.Declaration;
import cn.jiangmen.innovation.contracts.review.v1.DeclareConflictRequest;
import cn.jiangmen.innovation.contracts.review.v1.DeclareConflictResponse;
import cn.jiangmen.innovation.contracts.review.v1.GetAssignmentRequest;
import cn.jiangmen.innovation.contracts.review.v1.GetAssignmentResponse;
import cn.jiangmen.innovation.contracts.review.v1.ItemContent;
import cn.jiangmen.innovation.contracts.review.v1.ListMyAssignmentsRequest;
import cn.jiangmen.innovation.contracts.review.v1.ListMyAssignmentsResponse;
import cn.jiangmen.innovation.contracts.review.v1.Notice;
import cn.jiangmen.innovation.contracts.review.v1.ReviewServiceGrpc;
import cn.jiangmen.innovation.contracts.review.v1.Rubric;
import cn.jiangmen.innovation.contracts.review.v1.SaveReviewSheetRequest;
import cn.jiangmen.innovation.contracts.review.v1.SaveReviewSheetResponse;
import cn.jiangmen.innovation.contracts.review.v1.SheetStatus;
import com.google.protobuf.Any;
import com.google.protobuf.Timestamp;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import io.grpc.Status;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.StreamObserver;

/**
 * Stands in for review-service: "pending" is undeclared (title only), "declared" shows the item,
 * anything else is NOT_FOUND, as for someone else's or a conflicted assignment.
 */
class FakeReviewService extends ReviewServiceGrpc.ReviewServiceImplBase {

	static final Rubric RUBRIC = Rubric.newBuilder()
		.addCriteria(Criterion.newBuilder().setCode("innovation").setName("创新性").setWeightPercent(60).setThreshold(3))
		.addCriteria(Criterion.newBuilder().setCode("team").setName("团队").setWeightPercent(40))
		.setScaleMin(1)
		.setScaleMax(5)
		.setOverallThresholdHundredths(6000)
		.build();

	final Map<String, AssignmentDetail> assignments = new ConcurrentHashMap<>();

	final List<String> calls = new CopyOnWriteArrayList<>();

	FakeReviewService() {
		reset();
	}

	void reset() {
		this.profile = null;
		this.consensusVersion = 0;
		this.assignments.clear();
		this.calls.clear();
		this.opened.clear();
		this.assignments.put("pending", detail("pending", Declaration.DECLARATION_PENDING, false, 0));
		this.assignments.put("declared", detail("declared", Declaration.DECLARATION_NO_CONFLICT, true, 3));
	}

	static AssignmentDetail detail(String id, Declaration declaration, boolean content, long version) {
		AssignmentDetail.Builder d = AssignmentDetail.newBuilder()
			.setSummary(AssignmentSummary.newBuilder()
				.setAssignmentId(id)
				.setRoundId("round-1")
				.setRoundName("2026 第一批创新团队评审")
				.setReviewItemId("item-" + id)
				.setItemTitle("LED 背光模组团队 " + id)
				.addOrganisationNames("江门市光电科技有限公司")
				.setDeadline(Timestamp.newBuilder().setSeconds(1_796_000_000L))
				.setDeclaration(declaration)
				.setSheetStatus(SheetStatus.SHEET_STATUS_NOT_STARTED))
			.setRubric(RUBRIC)
			.setVersion(version);
		if (content) {
			d.setItem(ItemContent.newBuilder()
				.setItemId("app-1")
				.setTitle("LED 背光模组团队")
				.addFieldCodes("semiconductor-lighting")
				.addOrganisations(cn.jiangmen.innovation.contracts.review.v1.Organisation.newBuilder()
					.setId("7d1c2a8e-0000-4000-8000-000000000001")
					.setName("江门市光电科技有限公司"))
				.setOwningContext(cn.jiangmen.innovation.contracts.common.v1.OwningContext.OWNING_CONTEXT_TALENT));
		}
		return d.build();
	}

	@Override
	public void listMyAssignments(ListMyAssignmentsRequest request,
			StreamObserver<ListMyAssignmentsResponse> responseObserver) {
		this.calls.add("list");
		ListMyAssignmentsResponse.Builder response = ListMyAssignmentsResponse.newBuilder();
		this.assignments.values().stream().map(AssignmentDetail::getSummary).sorted(
				java.util.Comparator.comparing(AssignmentSummary::getAssignmentId)).forEach(response::addAssignments);
		response.addNotices(Notice.newBuilder()
			.setRoundId("round-1")
			.setRoundName("2026 第一批创新团队评审")
			.setDeadline(Timestamp.newBuilder().setSeconds(1_796_000_000L))
			.setPendingReviews(2));
		responseObserver.onNext(response.build());
		responseObserver.onCompleted();
	}

	@Override
	public void listRounds(cn.jiangmen.innovation.contracts.review.v1.ListRoundsRequest request,
			StreamObserver<cn.jiangmen.innovation.contracts.review.v1.ListRoundsResponse> responseObserver) {
		responseObserver.onNext(cn.jiangmen.innovation.contracts.review.v1.ListRoundsResponse.newBuilder()
			.addRounds(ROUND)
			.build());
		responseObserver.onCompleted();
	}

	static final cn.jiangmen.innovation.contracts.review.v1.RoundSummary ROUND = cn.jiangmen.innovation.contracts.review.v1.RoundSummary
		.newBuilder()
		.setRoundId("round-1")
		.setName("2026 第一批创新团队评审")
		.setState(cn.jiangmen.innovation.contracts.review.v1.RoundState.ROUND_STATE_OPEN)
		.setDeadline(Timestamp.newBuilder().setSeconds(1_796_000_000L))
		.setReviewersPerItem(5)
		.setMaxItemsPerExpert(10)
		.build();

	@Override
	public void getRoundPanel(cn.jiangmen.innovation.contracts.review.v1.GetRoundPanelRequest request,
			StreamObserver<cn.jiangmen.innovation.contracts.review.v1.GetRoundPanelResponse> responseObserver) {
		if (!"round-1".equals(request.getRoundId())) {
			responseObserver.onError(Status.NOT_FOUND.asRuntimeException());
			return;
		}
		responseObserver.onNext(cn.jiangmen.innovation.contracts.review.v1.GetRoundPanelResponse.newBuilder()
			.setRound(ROUND)
			.addItems(cn.jiangmen.innovation.contracts.review.v1.PanelItem.newBuilder()
				.setReviewItemId("item-1").setTitle("LED 背光模组团队").setRapporteur("sub-expert1"))
			.addItems(cn.jiangmen.innovation.contracts.review.v1.PanelItem.newBuilder()
				.setReviewItemId("item-2").setTitle("轨道交通信号团队"))
			.addExperts(cn.jiangmen.innovation.contracts.review.v1.PanelExpert.newBuilder()
				.setSubject("sub-expert1").setUsername("expert1").setDisplayName("陈专家").setMeanSecondsToSubmit(7200))
			.addExperts(cn.jiangmen.innovation.contracts.review.v1.PanelExpert.newBuilder()
				.setSubject("sub-expert5").setUsername("expert5").setDisplayName("周专家"))
			.addAssignments(cn.jiangmen.innovation.contracts.review.v1.PanelAssignment.newBuilder()
				.setAssignmentId("a-1").setReviewItemId("item-1").setExpert("sub-expert1")
				.setDeclaration(Declaration.DECLARATION_NO_CONFLICT)
				.setSheetStatus(SheetStatus.SHEET_STATUS_SUBMITTED).setSecondsToSubmit(5400))
			.addAssignments(cn.jiangmen.innovation.contracts.review.v1.PanelAssignment.newBuilder()
				.setAssignmentId("a-2").setReviewItemId("item-2").setExpert("sub-expert5")
				.setDeclaration(Declaration.DECLARATION_NO_CONFLICT)
				.setSheetStatus(SheetStatus.SHEET_STATUS_DRAFT))
			// as review-service records them: a rule's detail as a code with arguments (and its English
			// sentence), a manager's own words without a code
			.addConflicts(cn.jiangmen.innovation.contracts.review.v1.PanelConflict.newBuilder()
				.setReviewItemId("item-1").setExpert("sub-expert5").setReason(cn.jiangmen.innovation.contracts.review.v1.ConflictReason.CONFLICT_REASON_ORGANISATION)
				.setDetail("works at 江门市光电科技有限公司").setRecordedBy("conflict-rules")
				.setDetailCode(cn.jiangmen.innovation.contracts.review.v1.ConflictDetailCode.CONFLICT_DETAIL_CODE_WORKS_AT)
				.addDetailArguments("江门市光电科技有限公司"))
			.addConflicts(cn.jiangmen.innovation.contracts.review.v1.PanelConflict.newBuilder()
				.setReviewItemId("item-2").setExpert("sub-expert1").setReason(cn.jiangmen.innovation.contracts.review.v1.ConflictReason.CONFLICT_REASON_DECLARED)
				.setDetail("declared relationship with 王五 at 五邑大学: 我的博士生").setRecordedBy("conflict-rules")
				.setDetailCode(cn.jiangmen.innovation.contracts.review.v1.ConflictDetailCode.CONFLICT_DETAIL_CODE_RELATIONSHIP_PERSON_NOTE)
				.addDetailArguments("王五").addDetailArguments("五邑大学").addDetailArguments("我的博士生"))
			.addConflicts(cn.jiangmen.innovation.contracts.review.v1.PanelConflict.newBuilder()
				.setReviewItemId("item-2").setExpert("sub-expert1").setReason(cn.jiangmen.innovation.contracts.review.v1.ConflictReason.CONFLICT_REASON_MANUAL)
				.setDetail("works at the same lab as the leader").setRecordedBy("manager"))
			.build());
		responseObserver.onCompleted();
	}

	@Override
	public void getRoundResults(cn.jiangmen.innovation.contracts.review.v1.GetRoundResultsRequest request,
			StreamObserver<cn.jiangmen.innovation.contracts.review.v1.GetRoundResultsResponse> responseObserver) {
		responseObserver.onNext(cn.jiangmen.innovation.contracts.review.v1.GetRoundResultsResponse.newBuilder()
			.setRoundId("round-1")
			.setState(cn.jiangmen.innovation.contracts.review.v1.RoundState.ROUND_STATE_OPEN)
			.addItems(cn.jiangmen.innovation.contracts.review.v1.ItemResult.newBuilder()
				.setReviewItemId("item-1").setSubmittedReviews(5).setMeanHundredths(8125).setMedianHundredths(8000)
				.setStdDevHundredths(450).setNormalisedHundredths(8410).setIndividualRank(1).setPassedThresholds(true))
			.addItems(cn.jiangmen.innovation.contracts.review.v1.ItemResult.newBuilder()
				.setReviewItemId("item-2").setSubmittedReviews(5).setMeanHundredths(5500).setMedianHundredths(6000)
				.setStdDevHundredths(1800).setNormalisedHundredths(5200).setDisagreement(true).setIndividualRank(2)
				.addFailedThresholds("overall").setPassedThresholds(false))
			.build());
		responseObserver.onCompleted();
	}

	long consensusVersion;

	@Override
	public void getConsensus(cn.jiangmen.innovation.contracts.review.v1.GetConsensusRequest request,
			StreamObserver<cn.jiangmen.innovation.contracts.review.v1.GetConsensusResponse> responseObserver) {
		if (!"item-1".equals(request.getReviewItemId())) {
			responseObserver.onError(Status.NOT_FOUND.asRuntimeException());
			return;
		}
		var response = cn.jiangmen.innovation.contracts.review.v1.GetConsensusResponse.newBuilder()
			.setRoundName("2026 第一批创新团队评审")
			.setItemTitle("LED 背光模组团队")
			.setRubric(RUBRIC)
			.setAllSubmitted(true)
			.addReviews(cn.jiangmen.innovation.contracts.review.v1.IndividualReview.newBuilder()
				.setReviewer("#1").putScores("innovation", 5).putScores("team", 3).putComments("team", "团队稳定")
				.setOverallComment("建议支持").setOverallHundredths(8000))
			.addReviews(cn.jiangmen.innovation.contracts.review.v1.IndividualReview.newBuilder()
				.setReviewer("#2").putScores("innovation", 4).putScores("team", 4).setOverallHundredths(7500));
		if (this.consensusVersion > 0) {
			response.setReport(cn.jiangmen.innovation.contracts.review.v1.ConsensusReport.newBuilder()
				.putFinalScores("innovation", 5).putFinalScores("team", 3).setReport("专家组一致认为创新性突出。")
				.setFinalHundredths(8000).setVersion(this.consensusVersion));
		}
		responseObserver.onNext(response.build());
		responseObserver.onCompleted();
	}

	@Override
	public void writeConsensus(cn.jiangmen.innovation.contracts.review.v1.WriteConsensusRequest request,
			StreamObserver<cn.jiangmen.innovation.contracts.review.v1.WriteConsensusResponse> responseObserver) {
		this.calls.add("consensus v" + request.getVersion() + " " + request.getFinalScoresMap());
		if (request.getVersion() != this.consensusVersion) {
			responseObserver.onError(Status.FAILED_PRECONDITION.withDescription("consensus.stale").asRuntimeException());
			return;
		}
		Integer team = request.getFinalScoresMap().get("team");
		if (team != null && (team < 1 || team > 5)) {
			responseObserver.onError(StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
				.setCode(Code.INVALID_ARGUMENT_VALUE)
				.setMessage("bad final score")
				.addDetails(Any.pack(BadRequest.newBuilder()
					.addFieldViolations(BadRequest.FieldViolation.newBuilder().setField("final_scores.team").setReason("range"))
					.build()))
				.build()));
			return;
		}
		this.consensusVersion++;
		responseObserver.onNext(cn.jiangmen.innovation.contracts.review.v1.WriteConsensusResponse.getDefaultInstance());
		responseObserver.onCompleted();
	}

	@Override
	public void autoAssign(cn.jiangmen.innovation.contracts.review.v1.AutoAssignRequest request,
			StreamObserver<cn.jiangmen.innovation.contracts.review.v1.AutoAssignResponse> responseObserver) {
		this.calls.add("auto " + request.getRoundId());
		responseObserver.onNext(cn.jiangmen.innovation.contracts.review.v1.AutoAssignResponse.newBuilder()
			.setAssignmentsAdded(7).putShortfalls("item-2", 1).build());
		responseObserver.onCompleted();
	}

	@Override
	public void confirmRound(cn.jiangmen.innovation.contracts.review.v1.ConfirmRoundRequest request,
			StreamObserver<cn.jiangmen.innovation.contracts.review.v1.ConfirmRoundResponse> responseObserver) {
		this.calls.add("confirm " + request.getRoundId());
		responseObserver.onError(Status.FAILED_PRECONDITION.withDescription("consensus.missing").asRuntimeException());
	}

	@Override
	public void getAssignment(GetAssignmentRequest request, StreamObserver<GetAssignmentResponse> responseObserver) {
		AssignmentDetail d = this.assignments.get(request.getAssignmentId());
		if (d == null) {
			responseObserver.onError(Status.NOT_FOUND.withDescription("Assignment not found").asRuntimeException());
			return;
		}
		responseObserver.onNext(GetAssignmentResponse.newBuilder().setAssignment(d).build());
		responseObserver.onCompleted();
	}

	@Override
	public void declareConflict(DeclareConflictRequest request, StreamObserver<DeclareConflictResponse> responseObserver) {
		this.calls.add("declare " + request.getAssignmentId() + " " + request.getConflict());
		if (request.getConflict()) {
			this.assignments.remove(request.getAssignmentId());
		}
		else {
			this.assignments.put(request.getAssignmentId(),
					detail(request.getAssignmentId(), Declaration.DECLARATION_NO_CONFLICT, true, 1));
		}
		responseObserver.onNext(DeclareConflictResponse.getDefaultInstance());
		responseObserver.onCompleted();
	}

	@Override
	public void saveReviewSheet(SaveReviewSheetRequest request, StreamObserver<SaveReviewSheetResponse> responseObserver) {
		this.calls.add("save " + request.getAssignmentId() + " v" + request.getVersion() + " " + request.getScoresMap()
				+ (request.getSubmit() ? " submit" : " draft"));
		AssignmentDetail current = this.assignments.get(request.getAssignmentId());
		if (current.getVersion() != request.getVersion()) {
			responseObserver.onError(Status.FAILED_PRECONDITION.withDescription("assignment.stale").asRuntimeException());
			return;
		}
		BadRequest.Builder bad = BadRequest.newBuilder();
		request.getScoresMap().forEach((code, score) -> {
			if (score < 1 || score > 5) {
				bad.addFieldViolations(BadRequest.FieldViolation.newBuilder().setField("scores." + code).setReason("range"));
			}
		});
		if (bad.getFieldViolationsCount() > 0) {
			responseObserver.onError(StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
				.setCode(Code.INVALID_ARGUMENT_VALUE)
				.setMessage("bad scores")
				.addDetails(Any.pack(bad.build()))
				.build()));
			return;
		}
		if (request.getSubmit()) {
			RUBRIC.getCriteriaList().stream().filter(c -> !request.containsScores(c.getCode())).forEach(c -> bad
				.addFieldViolations(BadRequest.FieldViolation.newBuilder().setField("scores." + c.getCode()).setReason("required")));
		}
		if (bad.getFieldViolationsCount() > 0) {
			responseObserver.onError(StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
				.setCode(Code.INVALID_ARGUMENT_VALUE)
				.setMessage("unscored")
				.addDetails(Any.pack(bad.build()))
				.build()));
			return;
		}
		AssignmentDetail.Builder saved = current.toBuilder()
			.clearScores()
			.putAllScores(request.getScoresMap())
			.clearComments()
			.putAllComments(request.getCommentsMap())
			.setOverallComment(request.getOverallComment())
			.setVersion(current.getVersion() + 1)
			.setSummary(current.getSummary()
				.toBuilder()
				.setSheetStatus(request.getSubmit() ? SheetStatus.SHEET_STATUS_SUBMITTED : SheetStatus.SHEET_STATUS_DRAFT));
		if (request.getSubmit()) {
			// 2026-12-01 12:30 in Jiangmen (UTC+8).
			saved.setSubmittedAt(Timestamp.newBuilder().setSeconds(1_796_099_400L));
		}
		this.assignments.put(request.getAssignmentId(), saved.build());
		responseObserver.onNext(SaveReviewSheetResponse.newBuilder().setAssignment(saved).build());
		responseObserver.onCompleted();
	}

	// ---- forms: open a round, manual changes on the round page, the expert's profile ----

	static final List<cn.jiangmen.innovation.contracts.review.v1.AwaitingItem> AWAITING = List.of(
			awaiting("await-t1", "可见光通信创新团队", cn.jiangmen.innovation.contracts.common.v1.OwningContext.OWNING_CONTEXT_TALENT),
			awaiting("await-t2", "智能机器人领军人才", cn.jiangmen.innovation.contracts.common.v1.OwningContext.OWNING_CONTEXT_TALENT),
			awaiting("await-p1", "深海勘探装备专项", cn.jiangmen.innovation.contracts.common.v1.OwningContext.OWNING_CONTEXT_PROJECT));

	static cn.jiangmen.innovation.contracts.review.v1.AwaitingItem awaiting(String id, String title,
			cn.jiangmen.innovation.contracts.common.v1.OwningContext context) {
		return cn.jiangmen.innovation.contracts.review.v1.AwaitingItem.newBuilder()
			.setReviewItemId(id)
			.setItemId("app-" + id)
			.setTitle(title)
			.setOwningContext(context)
			.addFieldCodes("semiconductor-lighting")
			.setOpenedAt(Timestamp.newBuilder().setSeconds(1_790_000_000L))
			.build();
	}

	@Override
	public void listItemsAwaitingRound(cn.jiangmen.innovation.contracts.review.v1.ListItemsAwaitingRoundRequest request,
			StreamObserver<cn.jiangmen.innovation.contracts.review.v1.ListItemsAwaitingRoundResponse> responseObserver) {
		this.calls.add("awaiting " + request.getOwningContext());
		var response = cn.jiangmen.innovation.contracts.review.v1.ListItemsAwaitingRoundResponse.newBuilder();
		AWAITING.stream()
			.filter(i -> request.getOwningContext() == cn.jiangmen.innovation.contracts.common.v1.OwningContext.OWNING_CONTEXT_UNSPECIFIED
					|| i.getOwningContext() == request.getOwningContext())
			.forEach(response::addItems);
		responseObserver.onNext(response.build());
		responseObserver.onCompleted();
	}

	/** Checks what the real service checks for the cases the tests send, with its field names and reasons. */
	@Override
	public void openRound(cn.jiangmen.innovation.contracts.review.v1.OpenRoundRequest request,
			StreamObserver<cn.jiangmen.innovation.contracts.review.v1.OpenRoundResponse> responseObserver) {
		StringBuilder criteria = new StringBuilder();
		request.getRubric().getCriteriaList().forEach(c -> criteria.append(c.getCode()).append(':').append(c.getWeightPercent())
			.append('/').append(c.getThreshold()).append(' '));
		this.calls.add("open " + request.getName() + " " + request.getOwningContext() + " items=" + request.getReviewItemIdsList()
				+ " criteria=" + criteria.toString().strip() + " scale=" + request.getRubric().getScaleMin() + "-"
				+ request.getRubric().getScaleMax() + " overall=" + request.getRubric().getOverallThresholdHundredths()
				+ " blind=" + request.getBlind() + " deadline=" + request.getDeadline().getSeconds() + " N="
				+ request.getReviewersPerItem() + " M=" + request.getMaxItemsPerExpert() + " limit="
				+ request.getDisagreementLimitHundredths());
		BadRequest.Builder bad = BadRequest.newBuilder();
		if (request.getReviewItemIdsCount() == 0) {
			bad.addFieldViolations(violation("review_item_ids", "size"));
		}
		for (int i = 0; i < request.getReviewItemIdsCount(); i++) {
			String id = request.getReviewItemIds(i);
			AWAITING.stream().filter(a -> a.getReviewItemId().equals(id) && a.getOwningContext() != request.getOwningContext())
				.findFirst()
				.ifPresent(a -> bad.addFieldViolations(violation("review_item_ids[" + ordinal(request, id) + "]", "context")));
		}
		int total = 0;
		for (int i = 0; i < request.getRubric().getCriteriaCount(); i++) {
			var c = request.getRubric().getCriteria(i);
			if (!c.getCode().matches("[a-z][a-z0-9-]{0,31}")) {
				bad.addFieldViolations(violation("rubric.criteria[" + i + "].code", "malformed"));
			}
			total += c.getWeightPercent();
		}
		if (total != 100) {
			bad.addFieldViolations(violation("rubric.criteria", "weights.sum"));
		}
		if (request.getDeadline().getSeconds() < java.time.Instant.now().getEpochSecond()) {
			bad.addFieldViolations(violation("deadline", "future"));
		}
		if (request.getReviewersPerItem() < 1 || request.getReviewersPerItem() > 20) {
			bad.addFieldViolations(violation("reviewers_per_item", "range"));
		}
		if (bad.getFieldViolationsCount() > 0) {
			invalid(responseObserver, bad);
			return;
		}
		this.opened.add(request.getName());
		responseObserver.onNext(cn.jiangmen.innovation.contracts.review.v1.OpenRoundResponse.newBuilder()
			.setRoundId("round-1")
			.setConflictsDetected(2)
			.build());
		responseObserver.onCompleted();
	}

	private static int ordinal(cn.jiangmen.innovation.contracts.review.v1.OpenRoundRequest request, String id) {
		return request.getReviewItemIdsList().indexOf(id);
	}

	final List<String> opened = new CopyOnWriteArrayList<>();

	@Override
	public void assignExpert(cn.jiangmen.innovation.contracts.review.v1.AssignExpertRequest request,
			StreamObserver<cn.jiangmen.innovation.contracts.review.v1.AssignExpertResponse> responseObserver) {
		this.calls.add("assign " + request.getReviewItemId() + " " + request.getExpert());
		if (request.getExpert().isBlank()) {
			invalid(responseObserver, BadRequest.newBuilder().addFieldViolations(violation("expert", "required")));
			return;
		}
		if ("item-1".equals(request.getReviewItemId()) && "sub-expert5".equals(request.getExpert())) {
			refuse(responseObserver, "assignment.conflict");
			return;
		}
		responseObserver.onNext(cn.jiangmen.innovation.contracts.review.v1.AssignExpertResponse.getDefaultInstance());
		responseObserver.onCompleted();
	}

	@Override
	public void removeAssignment(cn.jiangmen.innovation.contracts.review.v1.RemoveAssignmentRequest request,
			StreamObserver<cn.jiangmen.innovation.contracts.review.v1.RemoveAssignmentResponse> responseObserver) {
		this.calls.add("remove " + request.getRoundId() + " " + request.getAssignmentId());
		if ("a-1".equals(request.getAssignmentId())) {
			refuse(responseObserver, "assignment.submitted");
			return;
		}
		responseObserver.onNext(cn.jiangmen.innovation.contracts.review.v1.RemoveAssignmentResponse.getDefaultInstance());
		responseObserver.onCompleted();
	}

	@Override
	public void addConflict(cn.jiangmen.innovation.contracts.review.v1.AddConflictRequest request,
			StreamObserver<cn.jiangmen.innovation.contracts.review.v1.AddConflictResponse> responseObserver) {
		this.calls.add("conflict " + request.getReviewItemId() + " " + request.getExpert() + " " + request.getDetail());
		if (request.getDetail().isBlank()) {
			invalid(responseObserver, BadRequest.newBuilder().addFieldViolations(violation("detail", "required")));
			return;
		}
		responseObserver.onNext(cn.jiangmen.innovation.contracts.review.v1.AddConflictResponse.getDefaultInstance());
		responseObserver.onCompleted();
	}

	@Override
	public void setRapporteur(cn.jiangmen.innovation.contracts.review.v1.SetRapporteurRequest request,
			StreamObserver<cn.jiangmen.innovation.contracts.review.v1.SetRapporteurResponse> responseObserver) {
		this.calls.add("rapporteur " + request.getReviewItemId() + " " + request.getExpert());
		responseObserver.onNext(cn.jiangmen.innovation.contracts.review.v1.SetRapporteurResponse.getDefaultInstance());
		responseObserver.onCompleted();
	}

	volatile cn.jiangmen.innovation.contracts.review.v1.ExpertProfile profile;

	@Override
	public void getMyProfile(cn.jiangmen.innovation.contracts.review.v1.GetMyProfileRequest request,
			StreamObserver<cn.jiangmen.innovation.contracts.review.v1.GetMyProfileResponse> responseObserver) {
		var response = cn.jiangmen.innovation.contracts.review.v1.GetMyProfileResponse.newBuilder();
		if (this.profile == null) {
			response.setProfile(cn.jiangmen.innovation.contracts.review.v1.ExpertProfile.newBuilder()
				.setSubject("sub-expert1").setUsername("expert1"));
		}
		else {
			response.setProfile(this.profile).setFound(true);
		}
		responseObserver.onNext(response.build());
		responseObserver.onCompleted();
	}

	@Override
	public void saveMyProfile(cn.jiangmen.innovation.contracts.review.v1.SaveMyProfileRequest request,
			StreamObserver<cn.jiangmen.innovation.contracts.review.v1.SaveMyProfileResponse> responseObserver) {
		var p = request.getProfile();
		this.calls.add("save-profile");
		BadRequest.Builder bad = BadRequest.newBuilder();
		if (!p.getEmail().isEmpty() && !p.getEmail().contains("@")) {
			bad.addFieldViolations(violation("email", "malformed"));
		}
		for (int i = 0; i < p.getAffiliationsCount(); i++) {
			var a = p.getAffiliations(i);
			if (a.getUntilYear() != 0 && a.getUntilYear() < a.getFromYear()) {
				bad.addFieldViolations(violation("affiliations[" + i + "].until_year", "range"));
			}
		}
		// persons by name and organisation, or (profiles saved before) by a bare key, as review-service checks them
		for (int i = 0; i < p.getCoApplicationsCount(); i++) {
			var c = p.getCoApplications(i);
			person(bad, "co_applications[" + i + "].", c.getPersonName(), c.getOrganisationId(), c.getPersonKey());
			if (c.getYear() < 1950) {
				bad.addFieldViolations(violation("co_applications[" + i + "].year", "range"));
			}
		}
		for (int i = 0; i < p.getRelationshipsCount(); i++) {
			var r = p.getRelationships(i);
			if (r.getKind() == cn.jiangmen.innovation.contracts.review.v1.RelationshipKind.RELATIONSHIP_KIND_PERSON) {
				person(bad, "relationships[" + i + "].", r.getPersonName(), r.getOrganisationId(), r.getReference());
			}
			else if (r.getReference().isEmpty()) {
				bad.addFieldViolations(violation("relationships[" + i + "].reference", "required"));
			}
		}
		if (bad.getFieldViolationsCount() > 0) {
			invalid(responseObserver, bad);
			return;
		}
		this.profile = p.toBuilder().setSubject("sub-expert1").setUsername("expert1").build();
		responseObserver.onNext(cn.jiangmen.innovation.contracts.review.v1.SaveMyProfileResponse.newBuilder()
			.setProfile(this.profile)
			.build());
		responseObserver.onCompleted();
	}

	private static void person(BadRequest.Builder bad, String at, String name, String organisationId, String key) {
		if (name.isEmpty() && !key.isEmpty()) {
			return;
		}
		if (name.isEmpty()) {
			bad.addFieldViolations(violation(at + "person_name", "required"));
		}
		if (organisationId.isEmpty()) {
			bad.addFieldViolations(violation(at + "organisation_name", "required"));
		}
	}

	private static BadRequest.FieldViolation violation(String field, String reason) {
		return BadRequest.FieldViolation.newBuilder().setField(field).setReason(reason).setDescription(reason).build();
	}

	private static void invalid(StreamObserver<?> observer, BadRequest.Builder bad) {
		observer.onError(StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
			.setCode(Code.INVALID_ARGUMENT_VALUE)
			.setMessage("invalid")
			.addDetails(Any.pack(bad.build()))
			.build()));
	}

	private static void refuse(StreamObserver<?> observer, String reason) {
		observer.onError(StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
			.setCode(Code.FAILED_PRECONDITION_VALUE)
			.setMessage(reason)
			.addDetails(Any.pack(com.google.rpc.ErrorInfo.newBuilder().setDomain("jiangmen.innovation").setReason(reason).build()))
			.build()));
	}

}
