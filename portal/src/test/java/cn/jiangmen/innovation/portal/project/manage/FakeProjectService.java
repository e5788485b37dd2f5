package cn.jiangmen.innovation.portal.project.manage;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import cn.jiangmen.innovation.contracts.common.v1.Money;
import cn.jiangmen.innovation.contracts.project.v1.*;
import com.google.protobuf.Any;
import com.google.protobuf.Timestamp;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import com.google.rpc.ErrorInfo;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.StreamObserver;

/**
 * Stands in for project-service behind the manager's and admin's pages: two fields, a published
 * and a draft call, a submitted and a reviewed proposal, a project in execution (a reported
 * milestone, an overdue one, a pending date change) and one waiting for the countersignature. The
 * caller is known by the relayed token ("&lt;username&gt;-token"); field changes are the admin's,
 * decisions the manager's, as project-service has them, and bad input is refused with the
 * service's field names and reasons.
 */
class FakeProjectService extends ProjectServiceGrpc.ProjectServiceImplBase {

	static final Context.Key<String> CALLER = Context.key("caller");

	static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("Authorization", Metadata.ASCII_STRING_MARSHALLER);

	static final ServerInterceptor IDENTITY = new ServerInterceptor() {
		@Override
		public <ReqT, RespT> ServerCall.Listener<ReqT> interceptCall(ServerCall<ReqT, RespT> call, Metadata headers,
				ServerCallHandler<ReqT, RespT> next) {
			String authorization = headers.get(AUTHORIZATION);
			String user = authorization == null ? "" : authorization.replace("Bearer ", "").replace("-token", "");
			return Contexts.interceptCall(Context.current().withValue(CALLER, user), call, headers, next);
		}
	};

	static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

	final Map<String, PriorityField> fields = new ConcurrentHashMap<>();

	final Map<String, ProjectCall> calls = new ConcurrentHashMap<>();

	final Map<String, Proposal> proposals = new ConcurrentHashMap<>();

	final Map<String, ProjectSummary> projects = new ConcurrentHashMap<>();

	final Map<String, TaskBookStatus> taskBooks = new ConcurrentHashMap<>();

	final Map<String, ChangeRequest> changes = new ConcurrentHashMap<>();

	/** Check rounds by project, newest first. */
	final Map<String, List<CheckRound>> rounds = new ConcurrentHashMap<>();

	/** What the pages asked for, in order (commands and the portfolio's filters). */
	final List<String> received = new CopyOnWriteArrayList<>();

	FakeProjectService() {
		reset();
	}

	void reset() {
		this.received.clear();
		this.fields.clear();
		this.calls.clear();
		this.proposals.clear();
		this.projects.clear();
		this.taskBooks.clear();
		this.changes.clear();
		this.rounds.clear();
		field("rail-transit-equipment", "轨道交通装备", "Rail transit equipment");
		field("semiconductor-lighting", "半导体照明", "Semiconductor lighting");
		this.calls.put("call-1", call("call-1", ProjectCallStatus.PROJECT_CALL_STATUS_PUBLISHED, "2026年半导体照明重大专项"));
		this.calls.put("call-draft", call("call-draft", ProjectCallStatus.PROJECT_CALL_STATUS_DRAFT, "2027年轨道交通装备专项（草稿）"));
		this.proposals.put("p-submitted", proposal("p-submitted", ProposalStatus.PROPOSAL_STATUS_SUBMITTED, "LED 背光模组产业化"));
		this.proposals.put("p-reviewed", proposal("p-reviewed", ProposalStatus.PROPOSAL_STATUS_REVIEWED, "大功率 LED 驱动芯片")
			.toBuilder().setReviewRank(1).setReviewScoreHundredths(8650).setReviewPassedThresholds(true).build());
		this.projects.put("proj-1", ProjectSummary.newBuilder()
			.setProjectId("proj-1")
			.setTitle("LED 背光模组产业化")
			.setFieldCode("semiconductor-lighting")
			.setLeadOrganisationId("7d1c2a8e-0000-4000-8000-000000000001")
			.setStage(ProjectStage.PROJECT_STAGE_EXECUTION)
			.setApprovedFiscal(fen(150_000_000L))
			.setTaskBookState(TaskBookState.TASK_BOOK_STATE_COUNTERSIGNED)
			.addMilestones(milestone("proj-1", "m-reported", 1, "样机试制", TODAY.plusDays(20), MilestoneState.MILESTONE_STATE_REPORTED, 60_000_000L))
			.addMilestones(milestone("proj-1", "m-overdue", 2, "中试线建设", TODAY.minusDays(5), MilestoneState.MILESTONE_STATE_PLANNED, 90_000_000L))
			.build());
		this.taskBooks.put("proj-1", TaskBookStatus.newBuilder().setProjectId("proj-1")
			.setState(TaskBookState.TASK_BOOK_STATE_COUNTERSIGNED).setIssuedBy("manager").setAcceptedBy("applicant1")
			.setCountersignedBy("manager").build());
		this.projects.put("proj-2", ProjectSummary.newBuilder()
			.setProjectId("proj-2")
			.setTitle("轨道车辆制动系统")
			.setFieldCode("rail-transit-equipment")
			.setStage(ProjectStage.PROJECT_STAGE_TASK_BOOK)
			.setApprovedFiscal(fen(80_000_000L))
			.setTaskBookState(TaskBookState.TASK_BOOK_STATE_ACCEPTED_BY_LEAD)
			.addMilestones(milestone("proj-2", "m-design", 1, "方案设计", TODAY.plusMonths(5), MilestoneState.MILESTONE_STATE_PLANNED, 80_000_000L))
			.build());
		this.taskBooks.put("proj-2", TaskBookStatus.newBuilder().setProjectId("proj-2")
			.setState(TaskBookState.TASK_BOOK_STATE_ACCEPTED_BY_LEAD).setIssuedBy("manager").setAcceptedBy("applicant1").build());
		this.changes.put("cr-1", ChangeRequest.newBuilder()
			.setChangeRequestId("cr-1")
			.setProjectId("proj-1")
			.setChange(RequestedChange.newBuilder()
				.setKind(ChangeRequestKind.CHANGE_REQUEST_KIND_MILESTONE_DATE)
				.setMilestoneId("m-overdue")
				.setNewDueDate(TODAY.plusMonths(3).toString()))
			.setState(ChangeRequestState.CHANGE_REQUEST_STATE_PENDING)
			.setReason("驱动芯片供货延迟")
			.setRequestedBy("applicant1")
			.setRequestedAt(Timestamp.newBuilder().setSeconds(1_780_000_000L))
			.build());
	}

	private void field(String code, String zh, String en) {
		this.fields.put(code, PriorityField.newBuilder().setCode(code).setKind(FieldKind.FIELD_KIND_CITY).setNameZh(zh)
			.setNameEn(en).setPlanSection("五(二)").build());
	}

	static Money fen(long fen) {
		return Money.newBuilder().setCurrencyCode("CNY").setMinorUnits(fen).build();
	}

	private static ProjectCall call(String id, ProjectCallStatus status, String title) {
		return ProjectCall.newBuilder()
			.setCallId(id)
			.setFieldCode("semiconductor-lighting")
			.setYear(2026)
			.setTitle(title)
			.setStatus(status)
			.addTopics(CallTopic.newBuilder().setCode("T1").setTitle("LED 背光模组").setRequiresResearchPartner(true))
			.setFundingCeiling(fen(500_000_000L))
			.setMaxFiscalSharePercent(30)
			.addRequiredDocuments("营业执照")
			.setGuideline("支持 LED 背光模组关键技术攻关。")
			.setOpensAt(Timestamp.newBuilder().setSeconds(1_767_225_600L))
			.setClosesAt(Timestamp.newBuilder().setSeconds(1_798_761_600L))
			.setAcceptingProposals(status == ProjectCallStatus.PROJECT_CALL_STATUS_PUBLISHED)
			.setVersion(3)
			.build();
	}

	private static Proposal proposal(String id, ProposalStatus status, String title) {
		return Proposal.newBuilder()
			.setProposalId(id)
			.setCallId("call-1")
			.setStatus(status)
			.setLeadOrganisationName("江门市光电科技有限公司")
			.setTitle(title)
			.setTopicCode("T1")
			.setObjectives("实现 LED 背光模组国产化。")
			.addConsortium(ConsortiumMember.newBuilder().setOrganisationName("江门市光电科技有限公司").setLead(true)
				.setRole("牵头研发").setWorkSharePercent(70).setBudgetSharePercent(80))
			.addConsortium(ConsortiumMember.newBuilder().setOrganisationName("五邑大学").setRole("光学测试")
				.setWorkSharePercent(30).setBudgetSharePercent(20))
			.addKpis(Kpi.newBuilder().setKind(KpiKind.KPI_KIND_INVENTION_PATENTS_APPLIED).setDescription("发明专利").setUnit("件").setTarget(3))
			.addWorkPlan(WorkPlanMilestone.newBuilder().setTitle("样机试制").setDueDate("2027-06-30").setDeliverables("样机 2 台"))
			.addWorkPlan(WorkPlanMilestone.newBuilder().setTitle("中试线建设").setDueDate("2028-06-30").setDeliverables("中试线 1 条"))
			.addBudget(BudgetLine.newBuilder().setCategory(BudgetCategory.BUDGET_CATEGORY_EQUIPMENT)
				.setSource(FundingSource.FUNDING_SOURCE_FISCAL).setAmount(fen(300_000_000L)))
			.addBudget(BudgetLine.newBuilder().setCategory(BudgetCategory.BUDGET_CATEGORY_MATERIALS)
				.setSource(FundingSource.FUNDING_SOURCE_SELF_RAISED).setAmount(fen(700_000_000L)))
			.setTotalBudget(fen(1_000_000_000L))
			.setFiscalRequest(fen(300_000_000L))
			.setVersion(2)
			.build();
	}

	private static PlannedMilestone milestone(String project, String id, int sequence, String title, LocalDate due,
			MilestoneState state, long tranche) {
		return PlannedMilestone.newBuilder()
			.setProjectId(project)
			.setMilestoneId(id)
			.setSequence(sequence)
			.setTitle(title)
			.setDueDate(due.toString())
			.setDeliverables(title + "交付物")
			.setTranche(fen(tranche))
			.setState(state)
			.build();
	}

	private static String caller() {
		return CALLER.get();
	}

	static StatusRuntimeException invalid(String field, String reason) {
		return StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
			.setCode(Code.INVALID_ARGUMENT_VALUE)
			.setMessage(field + " " + reason)
			.addDetails(Any.pack(BadRequest.newBuilder()
				.addFieldViolations(BadRequest.FieldViolation.newBuilder().setField(field).setReason(reason))
				.build()))
			.build());
	}

	static StatusRuntimeException refused(String reason) {
		return StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
			.setCode(Code.FAILED_PRECONDITION_VALUE)
			.setMessage(reason)
			.addDetails(Any.pack(ErrorInfo.newBuilder().setReason(reason).build()))
			.build());
	}

	/** Answers, or fails with what {@code check} says (null: go on). */
	private static <T> void answer(StreamObserver<T> observer, StatusRuntimeException failure, java.util.function.Supplier<T> answer) {
		if (failure != null) {
			observer.onError(failure);
			return;
		}
		observer.onNext(answer.get());
		observer.onCompleted();
	}

	private static StatusRuntimeException unless(boolean allowed) {
		return allowed ? null : Status.PERMISSION_DENIED.asRuntimeException();
	}

	private static boolean manager() {
		return "manager".equals(caller());
	}

	private static boolean reader() {
		return manager() || "auditor".equals(caller());
	}

	// fields

	@Override
	public void listPriorityFields(ListPriorityFieldsRequest request, StreamObserver<ListPriorityFieldsResponse> observer) {
		answer(observer, null, () -> ListPriorityFieldsResponse.newBuilder()
			.addAllFields(this.fields.values().stream().sorted(java.util.Comparator.comparing(PriorityField::getCode)).toList())
			.build());
	}

	@Override
	public void addPriorityField(AddPriorityFieldRequest request, StreamObserver<AddPriorityFieldResponse> observer) {
		this.received.add("add " + request.getCode());
		StatusRuntimeException failure = unless("admin".equals(caller()));
		if (failure == null && request.getNameZh().isBlank()) {
			failure = invalid("name_zh", "required");
		}
		if (failure == null && this.fields.containsKey(request.getCode())) {
			failure = refused("field.code-taken");
		}
		if (failure == null) {
			this.fields.put(request.getCode(), PriorityField.newBuilder().setCode(request.getCode()).setKind(request.getKind())
				.setNameZh(request.getNameZh()).setNameEn(request.getNameEn()).setPlanSection(request.getPlanSection()).build());
		}
		answer(observer, failure, () -> AddPriorityFieldResponse.newBuilder().setField(this.fields.get(request.getCode())).build());
	}

	@Override
	public void renamePriorityField(RenamePriorityFieldRequest request, StreamObserver<RenamePriorityFieldResponse> observer) {
		this.received.add("rename " + request.getCode() + " v" + request.getVersion());
		PriorityField field = this.fields.get(request.getCode());
		StatusRuntimeException failure = unless("admin".equals(caller()));
		if (failure == null && field == null) {
			failure = Status.NOT_FOUND.asRuntimeException();
		}
		if (failure == null && request.getNameZh().isBlank()) {
			failure = invalid("name_zh", "required");
		}
		if (failure == null && field.getVersion() != request.getVersion()) {
			failure = refused("field.changed-concurrently");
		}
		if (failure == null) {
			this.fields.put(field.getCode(), field.toBuilder().setNameZh(request.getNameZh()).setNameEn(request.getNameEn())
				.setVersion(field.getVersion() + 1).build());
		}
		answer(observer, failure, () -> RenamePriorityFieldResponse.newBuilder().setField(this.fields.get(request.getCode())).build());
	}

	@Override
	public void retirePriorityField(RetirePriorityFieldRequest request, StreamObserver<RetirePriorityFieldResponse> observer) {
		this.received.add("retire " + request.getCode());
		PriorityField field = this.fields.get(request.getCode());
		StatusRuntimeException failure = unless("admin".equals(caller()));
		if (failure == null && field == null) {
			failure = Status.NOT_FOUND.asRuntimeException();
		}
		if (failure == null && field.getRetired()) {
			// as project-service: a retired field is history, not retired again
			failure = refused("field.retired");
		}
		if (failure == null) {
			this.fields.put(field.getCode(), field.toBuilder().setRetired(true)
				.setRetiredAt(Timestamp.newBuilder().setSeconds(1_780_000_000L)).setVersion(field.getVersion() + 1).build());
		}
		answer(observer, failure, () -> RetirePriorityFieldResponse.newBuilder().setField(this.fields.get(request.getCode())).build());
	}

	// calls and proposals

	@Override
	public void listCalls(ListCallsRequest request, StreamObserver<ListCallsResponse> observer) {
		answer(observer, null, () -> ListCallsResponse.newBuilder()
			.addAllCalls(this.calls.values().stream()
				.filter(c -> request.getFieldCode().isEmpty() || c.getFieldCode().equals(request.getFieldCode()))
				.sorted(java.util.Comparator.comparing(ProjectCall::getCallId)).toList())
			.build());
	}

	@Override
	public void getCall(GetCallRequest request, StreamObserver<GetCallResponse> observer) {
		ProjectCall call = this.calls.get(request.getCallId());
		answer(observer, call == null ? Status.NOT_FOUND.asRuntimeException() : null,
				() -> GetCallResponse.newBuilder().setCall(call).build());
	}

	@Override
	public void createCall(CreateCallRequest request, StreamObserver<CreateCallResponse> observer) {
		this.received.add("create call " + request.getCall().getTitle() + " topics=" + request.getCall().getTopicsCount()
				+ " ceiling=" + request.getCall().getFundingCeiling().getMinorUnits());
		StatusRuntimeException failure = unless(manager());
		if (failure == null && request.getCall().getTitle().isBlank()) {
			failure = invalid("call.title", "length");
		}
		ProjectCall created = ProjectCall.newBuilder().setCallId("call-new").setTitle(request.getCall().getTitle())
			.setFieldCode(request.getCall().getFieldCode()).setYear(request.getCall().getYear())
			.setStatus(ProjectCallStatus.PROJECT_CALL_STATUS_DRAFT).build();
		if (failure == null) {
			this.calls.put("call-new", created);
		}
		answer(observer, failure, () -> CreateCallResponse.newBuilder().setCall(created).build());
	}

	@Override
	public void changeCallStatus(ChangeCallStatusRequest request, StreamObserver<ChangeCallStatusResponse> observer) {
		this.received.add("call " + request.getCallId() + " " + request.getAction() + " v" + request.getVersion());
		ProjectCall call = this.calls.get(request.getCallId());
		StatusRuntimeException failure = unless(manager());
		if (failure == null && request.getAction() == CallAction.CALL_ACTION_PUBLISH
				&& call.getStatus() != ProjectCallStatus.PROJECT_CALL_STATUS_DRAFT) {
			failure = refused("call.transition-not-allowed");
		}
		if (failure == null) {
			this.calls.put(call.getCallId(), call.toBuilder().setStatus(request.getAction() == CallAction.CALL_ACTION_PUBLISH
					? ProjectCallStatus.PROJECT_CALL_STATUS_PUBLISHED : ProjectCallStatus.PROJECT_CALL_STATUS_CLOSED).build());
		}
		answer(observer, failure, () -> ChangeCallStatusResponse.newBuilder().setCall(this.calls.get(request.getCallId())).build());
	}

	@Override
	public void listProposals(ListProposalsRequest request, StreamObserver<ListProposalsResponse> observer) {
		answer(observer, null, () -> ListProposalsResponse.newBuilder()
			.addAllProposals(this.proposals.values().stream().filter(p -> p.getCallId().equals(request.getCallId())).toList())
			.build());
	}

	@Override
	public void getProposal(GetProposalRequest request, StreamObserver<GetProposalResponse> observer) {
		Proposal proposal = this.proposals.get(request.getProposalId());
		answer(observer, proposal == null ? Status.NOT_FOUND.asRuntimeException() : null,
				() -> GetProposalResponse.newBuilder().setProposal(proposal).build());
	}

	@Override
	public void decideProposalFormalCheck(DecideProposalFormalCheckRequest request,
			StreamObserver<DecideProposalFormalCheckResponse> observer) {
		this.received.add("formal check " + request.getProposalId() + " " + request.getDecision() + " "
				+ request.getReasonsList() + (request.hasCorrectionDueAt() ? " due" : ""));
		Proposal proposal = this.proposals.get(request.getProposalId());
		StatusRuntimeException failure = unless(manager());
		if (failure == null && proposal.getStatus() != ProposalStatus.PROPOSAL_STATUS_SUBMITTED) {
			failure = refused("proposal.transition-not-allowed");
		}
		if (failure == null) {
			ProposalStatus next = switch (request.getDecision()) {
				case FORMAL_CHECK_DECISION_PASS -> ProposalStatus.PROPOSAL_STATUS_UNDER_REVIEW;
				case FORMAL_CHECK_DECISION_RETURN -> ProposalStatus.PROPOSAL_STATUS_RETURNED;
				default -> ProposalStatus.PROPOSAL_STATUS_REJECTED;
			};
			this.proposals.put(proposal.getProposalId(), proposal.toBuilder().setStatus(next).addAllReturnReasons(request.getReasonsList()).build());
		}
		answer(observer, failure, () -> DecideProposalFormalCheckResponse.newBuilder()
			.setProposal(this.proposals.get(request.getProposalId())).build());
	}

	@Override
	public void approveProposal(ApproveProposalRequest request, StreamObserver<ApproveProposalResponse> observer) {
		this.received.add("approve " + request.getProposalId() + " " + request.getApprovedFiscal().getMinorUnits() + " "
				+ request.getTranchesList().stream().map(t -> t.getMilestoneIndex() + ":" + t.getAmount().getMinorUnits()).toList());
		Proposal proposal = this.proposals.get(request.getProposalId());
		StatusRuntimeException failure = unless(manager());
		long sum = request.getTranchesList().stream().mapToLong(t -> t.getAmount().getMinorUnits()).sum();
		if (failure == null && request.getApprovedFiscal().getMinorUnits() > proposal.getFiscalRequest().getMinorUnits()) {
			failure = invalid("approvedFiscal", "approval.over-request");
		}
		else if (failure == null && sum != request.getApprovedFiscal().getMinorUnits()) {
			failure = invalid("tranches", "approval.tranches-not-adding-up");
		}
		if (failure == null) {
			this.proposals.put(proposal.getProposalId(), proposal.toBuilder().setStatus(ProposalStatus.PROPOSAL_STATUS_APPROVED)
				.setProjectId("proj-2").setApprovedFiscal(request.getApprovedFiscal()).build());
		}
		answer(observer, failure, () -> ApproveProposalResponse.newBuilder().setProjectId("proj-2").build());
	}

	// projects

	@Override
	public void listProjects(ListProjectsRequest request, StreamObserver<ListProjectsResponse> observer) {
		this.received.add("portfolio field=" + request.getFieldCode() + " year=" + request.getYear() + " stage="
				+ request.getStage());
		Predicate<ProjectSummary> matches = s -> (request.getFieldCode().isEmpty()
				|| s.getFieldCode().equals(request.getFieldCode()))
				&& (request.getStage() == ProjectStage.PROJECT_STAGE_UNSPECIFIED || s.getStage() == request.getStage())
				&& (request.getYear() == 0 || request.getYear() == TODAY.getYear());
		answer(observer, unless(reader()), () -> ListProjectsResponse.newBuilder()
			.addAllProjects(this.projects.values().stream().filter(matches)
				.sorted(java.util.Comparator.comparing(ProjectSummary::getProjectId))
				.map(s -> PortfolioProject.newBuilder().setSummary(s).setYear(TODAY.getYear())
					.setApprovedAt(Timestamp.newBuilder().setSeconds(1_767_225_600L)).build())
				.toList())
			.build());
	}

	@Override
	public void listDueMilestones(ListDueMilestonesRequest request, StreamObserver<ListDueMilestonesResponse> observer) {
		boolean overdue = request.getWindow() == DueWindow.DUE_WINDOW_OVERDUE;
		answer(observer, unless(reader()), () -> ListDueMilestonesResponse.newBuilder()
			.addAllDueMilestones(this.projects.values().stream()
				.filter(p -> p.getStage() == ProjectStage.PROJECT_STAGE_EXECUTION)
				.flatMap(p -> p.getMilestonesList().stream()
					.filter(m -> m.getState() != MilestoneState.MILESTONE_STATE_ACCEPTED)
					.filter(m -> overdue ? LocalDate.parse(m.getDueDate()).isBefore(TODAY)
							: !LocalDate.parse(m.getDueDate()).isBefore(TODAY)
									&& !LocalDate.parse(m.getDueDate()).isAfter(TODAY.plusDays(30)))
					.map(m -> DueMilestone.newBuilder().setMilestone(m).setProjectTitle(p.getTitle()).build()))
				.toList())
			.build());
	}

	@Override
	public void getProjectSummary(GetProjectSummaryRequest request, StreamObserver<GetProjectSummaryResponse> observer) {
		ProjectSummary summary = this.projects.get(request.getProjectId());
		answer(observer, summary == null ? Status.NOT_FOUND.asRuntimeException() : unless(reader()),
				() -> GetProjectSummaryResponse.newBuilder().setSummary(summary).build());
	}

	@Override
	public void getTaskBook(GetTaskBookRequest request, StreamObserver<GetTaskBookResponse> observer) {
		TaskBookStatus status = this.taskBooks.get(request.getProjectId());
		answer(observer, status == null ? Status.NOT_FOUND.asRuntimeException() : null,
				() -> GetTaskBookResponse.newBuilder()
					.setProject(this.projects.get(request.getProjectId()))
					.setStatus(status)
					.addKpiTargets(KpiTarget.newBuilder().setMilestoneId("m-reported").setName("发明专利申请").setUnit("件").setTarget("3"))
					.build());
	}

	@Override
	public void countersignTaskBook(CountersignTaskBookRequest request, StreamObserver<CountersignTaskBookResponse> observer) {
		this.received.add("countersign " + request.getProjectId());
		TaskBookStatus status = this.taskBooks.get(request.getProjectId());
		StatusRuntimeException failure = unless(manager());
		if (failure == null && status.getState() != TaskBookState.TASK_BOOK_STATE_ACCEPTED_BY_LEAD) {
			failure = refused("task-book.state");
		}
		if (failure == null) {
			this.taskBooks.put(request.getProjectId(), status.toBuilder().setState(TaskBookState.TASK_BOOK_STATE_COUNTERSIGNED)
				.setCountersignedBy(caller()).build());
			ProjectSummary project = this.projects.get(request.getProjectId());
			this.projects.put(project.getProjectId(), project.toBuilder().setStage(ProjectStage.PROJECT_STAGE_EXECUTION)
				.setTaskBookState(TaskBookState.TASK_BOOK_STATE_COUNTERSIGNED).build());
		}
		answer(observer, failure, () -> CountersignTaskBookResponse.newBuilder().setStatus(this.taskBooks.get(request.getProjectId())).build());
	}

	@Override
	public void listProgressReports(ListProgressReportsRequest request, StreamObserver<ListProgressReportsResponse> observer) {
		ListProgressReportsResponse.Builder response = ListProgressReportsResponse.newBuilder();
		if (request.getMilestoneId().equals("m-reported")) {
			response.addReports(ProgressReport.newBuilder()
				.setReportId("r-1")
				.setMilestoneId("m-reported")
				.setSubmittedBy("applicant1")
				.setSubmittedAt(Timestamp.newBuilder().setSeconds(1_780_000_000L))
				.setSummary("两台样机已完成试制并通过检测。")
				.addKpiValues(KpiValue.newBuilder().setName("发明专利申请").setReached("3").setUnit("件"))
				.addDocuments(EvidenceDocument.newBuilder().setName("检测报告.pdf").setSha256("a".repeat(64))));
		}
		answer(observer, null, response::build);
	}

	@Override
	public void acceptMilestone(AcceptMilestoneRequest request, StreamObserver<AcceptMilestoneResponse> observer) {
		this.received.add("accept " + request.getMilestoneId());
		answer(observer, decide(request.getProjectId(), request.getMilestoneId(), MilestoneState.MILESTONE_STATE_ACCEPTED, "x"),
				AcceptMilestoneResponse::getDefaultInstance);
	}

	@Override
	public void returnMilestone(ReturnMilestoneRequest request, StreamObserver<ReturnMilestoneResponse> observer) {
		this.received.add("return " + request.getMilestoneId() + " " + request.getReasons());
		answer(observer, decide(request.getProjectId(), request.getMilestoneId(), MilestoneState.MILESTONE_STATE_REJECTED,
				request.getReasons()), ReturnMilestoneResponse::getDefaultInstance);
	}

	private StatusRuntimeException decide(String projectId, String milestoneId, MilestoneState next, String reasons) {
		if (!manager()) {
			return Status.PERMISSION_DENIED.asRuntimeException();
		}
		if (reasons.isBlank()) {
			return invalid("reasons", "required");
		}
		ProjectSummary project = this.projects.get(projectId);
		ProjectSummary.Builder changed = project.toBuilder();
		for (int i = 0; i < project.getMilestonesCount(); i++) {
			PlannedMilestone m = project.getMilestones(i);
			if (m.getMilestoneId().equals(milestoneId)) {
				if (m.getState() != MilestoneState.MILESTONE_STATE_REPORTED) {
					return refused("milestone.state");
				}
				changed.setMilestones(i, m.toBuilder().setState(next));
			}
		}
		this.projects.put(projectId, changed.build());
		return null;
	}

	@Override
	public void listChangeRequests(ListChangeRequestsRequest request, StreamObserver<ListChangeRequestsResponse> observer) {
		answer(observer, null, () -> ListChangeRequestsResponse.newBuilder()
			.addAllChangeRequests(this.changes.values().stream().filter(c -> c.getProjectId().equals(request.getProjectId())).toList())
			.build());
	}

	@Override
	public void decideChangeRequest(DecideChangeRequestRequest request, StreamObserver<DecideChangeRequestResponse> observer) {
		this.received.add("change " + request.getChangeRequestId() + " " + request.getDecision() + " " + request.getNote());
		ChangeRequest change = this.changes.get(request.getChangeRequestId());
		boolean approve = request.getDecision() == ChangeRequestDecision.CHANGE_REQUEST_DECISION_APPROVE;
		StatusRuntimeException failure = unless(manager());
		if (failure == null && !approve && request.getNote().isBlank()) {
			failure = invalid("reason", "required");
		}
		if (failure == null && change.getState() != ChangeRequestState.CHANGE_REQUEST_STATE_PENDING) {
			failure = refused("change-request.state");
		}
		if (failure == null) {
			ChangeRequest.Builder decided = change.toBuilder().setDecidedBy(caller()).setDecisionReason(request.getNote())
				.setState(approve ? ChangeRequestState.CHANGE_REQUEST_STATE_APPROVED : ChangeRequestState.CHANGE_REQUEST_STATE_REJECTED);
			if (approve) {
				decided.addBefore(ChangeValue.newBuilder().setName("dueDate").setValue(TODAY.minusDays(5).toString()))
					.addAfter(ChangeValue.newBuilder().setName("dueDate").setValue(TODAY.plusMonths(3).toString()));
			}
			this.changes.put(change.getChangeRequestId(), decided.build());
		}
		answer(observer, failure, () -> DecideChangeRequestResponse.newBuilder()
			.setChangeRequest(this.changes.get(request.getChangeRequestId())).build());
	}


	// issuing the task book, check rounds, evidence

	/** As project-service: managers only; the tranches must add up; a target must be a number. */
	@Override
	public void issueTaskBook(IssueTaskBookRequest request, StreamObserver<IssueTaskBookResponse> observer) {
		this.received.add("issue " + request.getProjectId() + " " + request.getKpiTargetsList()
			.stream()
			.map(t -> t.getName() + "=" + t.getTarget() + t.getUnit())
			.toList());
		ProjectSummary project = this.projects.get(request.getProjectId());
		StatusRuntimeException failure = project == null ? Status.NOT_FOUND.asRuntimeException() : unless(manager());
		if (failure == null && this.taskBooks.containsKey(request.getProjectId())) {
			failure = refused("task-book.exists");
		}
		if (failure == null) {
			BadRequest.Builder bad = BadRequest.newBuilder();
			for (int i = 0; i < request.getKpiTargetsCount(); i++) {
				KpiTarget t = request.getKpiTargets(i);
				if (t.getName().isBlank()) {
					bad.addFieldViolations(BadRequest.FieldViolation.newBuilder().setField("kpiTargets[" + i + "].name").setReason("required"));
				}
				if (!t.getTarget().matches("\\d+(\\.\\d{1,2})?")) {
					bad.addFieldViolations(BadRequest.FieldViolation.newBuilder().setField("kpiTargets[" + i + "].target")
						.setReason("kpi.amount-malformed"));
				}
			}
			long sum = project.getMilestonesList().stream().mapToLong(m -> m.getTranche().getMinorUnits()).sum();
			if (sum != project.getApprovedFiscal().getMinorUnits()) {
				bad.addFieldViolations(BadRequest.FieldViolation.newBuilder().setField("milestones.trancheFen")
					.setReason("task-book.tranches-do-not-add-up"));
			}
			if (bad.getFieldViolationsCount() > 0) {
				failure = StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
					.setCode(Code.INVALID_ARGUMENT_VALUE)
					.setMessage("invalid")
					.addDetails(Any.pack(bad.build()))
					.build());
			}
		}
		if (failure == null) {
			this.taskBooks.put(request.getProjectId(), TaskBookStatus.newBuilder().setProjectId(request.getProjectId())
				.setState(TaskBookState.TASK_BOOK_STATE_ISSUED).setIssuedBy(caller()).build());
			this.projects.put(request.getProjectId(), project.toBuilder().setTaskBookState(TaskBookState.TASK_BOOK_STATE_ISSUED).build());
		}
		answer(observer, failure, () -> IssueTaskBookResponse.newBuilder()
			.setStatus(this.taskBooks.get(request.getProjectId()))
			.addAllKpiTargets(request.getKpiTargetsList())
			.build());
	}

	@Override
	public void openCheckRound(OpenCheckRoundRequest request, StreamObserver<OpenCheckRoundResponse> observer) {
		this.received.add("open " + request.getProjectId() + " " + request.getKind());
		ProjectSummary project = this.projects.get(request.getProjectId());
		StatusRuntimeException failure = project == null ? Status.NOT_FOUND.asRuntimeException() : unless(manager());
		if (failure == null && request.getKind() == CheckRoundKind.CHECK_ROUND_KIND_UNSPECIFIED) {
			failure = invalid("kind", "check-round.kind");
		}
		List<CheckRound> existing = this.rounds.computeIfAbsent(request.getProjectId(), id -> new CopyOnWriteArrayList<>());
		if (failure == null && existing.stream().anyMatch(r -> r.getState() == CheckRoundState.CHECK_ROUND_STATE_OPEN
				|| r.getState() == CheckRoundState.CHECK_ROUND_STATE_RECTIFYING)) {
			failure = refused("check-round.open-exists");
		}
		CheckRound round = CheckRound.newBuilder()
			.setCheckRoundId("round-" + existing.size())
			.setProjectId(request.getProjectId())
			.setKind(request.getKind())
			.setState(CheckRoundState.CHECK_ROUND_STATE_OPEN)
			.setOpenedBy(caller())
			.setOpenedAt(Timestamp.newBuilder().setSeconds(1_780_000_000L))
			.build();
		if (failure == null) {
			existing.add(0, round);
		}
		answer(observer, failure, () -> OpenCheckRoundResponse.newBuilder().setCheckRound(round).build());
	}

	@Override
	public void listCheckRounds(ListCheckRoundsRequest request, StreamObserver<ListCheckRoundsResponse> observer) {
		answer(observer, null, () -> ListCheckRoundsResponse.newBuilder()
			.addAllCheckRounds(this.rounds.getOrDefault(request.getProjectId(), List.of()))
			.build());
	}

	/** The reported milestone's test report, the evidence its progress report names. */
	@Override
	public void listMilestoneEvidence(ListMilestoneEvidenceRequest request, StreamObserver<ListMilestoneEvidenceResponse> observer) {
		ListMilestoneEvidenceResponse.Builder response = ListMilestoneEvidenceResponse.newBuilder();
		if (request.getMilestoneId().equals("m-reported")) {
			response.addDocuments(EVIDENCE);
		}
		answer(observer, null, response::build);
	}

	@Override
	public void downloadMilestoneEvidence(DownloadMilestoneEvidenceRequest request,
			StreamObserver<DownloadMilestoneEvidenceResponse> observer) {
		boolean found = request.getMilestoneId().equals("m-reported") && request.getDocumentId().equals(EVIDENCE.getDocumentId());
		answer(observer, found ? unless(reader()) : Status.NOT_FOUND.asRuntimeException(),
				() -> DownloadMilestoneEvidenceResponse.newBuilder()
					.setDocument(EVIDENCE)
					.setContent(com.google.protobuf.ByteString.copyFromUtf8("%PDF-1.7 test report"))
					.build());
	}

	static final ProjectDocument EVIDENCE = ProjectDocument.newBuilder()
		.setDocumentId("ev-1")
		.setFilename("检测报告.pdf")
		.setContentType("application/pdf")
		.setSizeBytes(20)
		.setSha256("a".repeat(64))
		.build();

}
