package cn.jiangmen.innovation.portal.project;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import cn.jiangmen.innovation.contracts.common.v1.Money;
import cn.jiangmen.innovation.contracts.project.v1.AcceptTaskBookRequest;
import cn.jiangmen.innovation.contracts.project.v1.AcceptTaskBookResponse;
import cn.jiangmen.innovation.contracts.project.v1.BudgetLine;
import cn.jiangmen.innovation.contracts.project.v1.CallTopic;
import cn.jiangmen.innovation.contracts.project.v1.ChangeRequest;
import cn.jiangmen.innovation.contracts.project.v1.ChangeRequestKind;
import cn.jiangmen.innovation.contracts.project.v1.ChangeRequestState;
import cn.jiangmen.innovation.contracts.project.v1.ChangeValue;
import cn.jiangmen.innovation.contracts.project.v1.ConfirmParticipationRequest;
import cn.jiangmen.innovation.contracts.project.v1.ConfirmParticipationResponse;
import cn.jiangmen.innovation.contracts.project.v1.ConsortiumMember;
import cn.jiangmen.innovation.contracts.project.v1.CreateProposalRequest;
import cn.jiangmen.innovation.contracts.project.v1.CreateProposalResponse;
import cn.jiangmen.innovation.contracts.project.v1.FieldKind;
import cn.jiangmen.innovation.contracts.project.v1.FundingSource;
import cn.jiangmen.innovation.contracts.project.v1.GetCallRequest;
import cn.jiangmen.innovation.contracts.project.v1.GetCallResponse;
import cn.jiangmen.innovation.contracts.project.v1.GetProjectSummaryRequest;
import cn.jiangmen.innovation.contracts.project.v1.GetProjectSummaryResponse;
import cn.jiangmen.innovation.contracts.project.v1.GetProposalRequest;
import cn.jiangmen.innovation.contracts.project.v1.GetProposalResponse;
import cn.jiangmen.innovation.contracts.project.v1.GetTaskBookPdfRequest;
import cn.jiangmen.innovation.contracts.project.v1.GetTaskBookPdfResponse;
import cn.jiangmen.innovation.contracts.project.v1.GetTaskBookRequest;
import cn.jiangmen.innovation.contracts.project.v1.GetTaskBookResponse;
import cn.jiangmen.innovation.contracts.project.v1.Kpi;
import cn.jiangmen.innovation.contracts.project.v1.KpiTarget;
import cn.jiangmen.innovation.contracts.project.v1.ListCallsRequest;
import cn.jiangmen.innovation.contracts.project.v1.ListCallsResponse;
import cn.jiangmen.innovation.contracts.project.v1.ListChangeRequestsRequest;
import cn.jiangmen.innovation.contracts.project.v1.ListChangeRequestsResponse;
import cn.jiangmen.innovation.contracts.project.v1.ListPriorityFieldsRequest;
import cn.jiangmen.innovation.contracts.project.v1.ListPriorityFieldsResponse;
import cn.jiangmen.innovation.contracts.project.v1.ListProgressReportsRequest;
import cn.jiangmen.innovation.contracts.project.v1.ListProgressReportsResponse;
import cn.jiangmen.innovation.contracts.project.v1.ListProposalsRequest;
import cn.jiangmen.innovation.contracts.project.v1.ListProposalsResponse;
import cn.jiangmen.innovation.contracts.project.v1.MilestoneState;
import cn.jiangmen.innovation.contracts.project.v1.PlannedMilestone;
import cn.jiangmen.innovation.contracts.project.v1.PriorityField;
import cn.jiangmen.innovation.contracts.project.v1.ProgressReport;
import cn.jiangmen.innovation.contracts.project.v1.ProjectCall;
import cn.jiangmen.innovation.contracts.project.v1.ProjectCallStatus;
import cn.jiangmen.innovation.contracts.project.v1.ProjectServiceGrpc;
import cn.jiangmen.innovation.contracts.project.v1.ProjectStage;
import cn.jiangmen.innovation.contracts.project.v1.ProjectSummary;
import cn.jiangmen.innovation.contracts.project.v1.Proposal;
import cn.jiangmen.innovation.contracts.project.v1.ProposalContent;
import cn.jiangmen.innovation.contracts.project.v1.ProposalStatus;
import cn.jiangmen.innovation.contracts.project.v1.RequestChangeRequest;
import cn.jiangmen.innovation.contracts.project.v1.RequestChangeResponse;
import cn.jiangmen.innovation.contracts.project.v1.RequestedChange;
import cn.jiangmen.innovation.contracts.project.v1.RuleFinding;
import cn.jiangmen.innovation.contracts.project.v1.SaveProposalRequest;
import cn.jiangmen.innovation.contracts.project.v1.SaveProposalResponse;
import cn.jiangmen.innovation.contracts.project.v1.SubmitProgressReportRequest;
import cn.jiangmen.innovation.contracts.project.v1.SubmitProgressReportResponse;
import cn.jiangmen.innovation.contracts.project.v1.SubmitProposalRequest;
import cn.jiangmen.innovation.contracts.project.v1.SubmitProposalResponse;
import cn.jiangmen.innovation.contracts.project.v1.TaskBookState;
import cn.jiangmen.innovation.contracts.project.v1.TaskBookStatus;
import cn.jiangmen.innovation.contracts.project.v1.WithdrawProposalRequest;
import cn.jiangmen.innovation.contracts.project.v1.WithdrawProposalResponse;
import cn.jiangmen.innovation.contracts.project.v1.DeleteProposalDocumentRequest;
import cn.jiangmen.innovation.contracts.project.v1.DeleteProposalDocumentResponse;
import cn.jiangmen.innovation.contracts.project.v1.DownloadProposalDocumentRequest;
import cn.jiangmen.innovation.contracts.project.v1.DownloadProposalDocumentResponse;
import cn.jiangmen.innovation.contracts.project.v1.ListProposalDocumentsRequest;
import cn.jiangmen.innovation.contracts.project.v1.ListProposalDocumentsResponse;
import cn.jiangmen.innovation.contracts.project.v1.MissingDocument;
import cn.jiangmen.innovation.contracts.project.v1.ProjectDocument;
import cn.jiangmen.innovation.contracts.project.v1.UploadProposalDocumentRequest;
import cn.jiangmen.innovation.contracts.project.v1.UploadProposalDocumentResponse;
import cn.jiangmen.innovation.platform.grpc.ProtoTimes;
import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
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
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.StreamObserver;

/**
 * Stands in for project-service with its per-organisation rules as the service applies them: the
 * caller is known by the relayed token ({@code <username>-token}); "applicant1" belongs to the lead
 * organisation 江门市光电科技有限公司, "partner" to 五邑大学 (a partner of the draft), "stranger" to an
 * organisation with nothing here (NOT_FOUND). A partner's save or submit is PERMISSION_DENIED. The
 * draft's findings are computed from its content (shares, fiscal share against the call's 30%).
 */
class FakeProjectService extends ProjectServiceGrpc.ProjectServiceImplBase {

	static final String LEAD_ORG = "7d1c2a8e-0000-4000-8000-000000000001";

	static final String PARTNER_ORG = "7d1c2a8e-0000-4000-8000-000000000002";

	static final String OPEN_CALL = "c0000000-0000-4000-8000-000000000001";

	static final String CLOSED_CALL = "c0000000-0000-4000-8000-000000000002";

	static final String DRAFT = "d0000000-0000-4000-8000-000000000001";

	static final String PROJECT = "e0000000-0000-4000-8000-000000000001";

	static final String MILESTONE_1 = "f0000000-0000-4000-8000-000000000001";

	static final String MILESTONE_2 = "f0000000-0000-4000-8000-000000000002";

	static final String KPI_TARGET = "a0000000-0000-4000-8000-000000000001";

	static final Context.Key<String> CALLER = Context.key("caller");

	static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("Authorization", Metadata.ASCII_STRING_MARSHALLER);

	/** Reads the caller's username from the relayed token, as project-service reads the JWT. */
	static final ServerInterceptor IDENTITY = new ServerInterceptor() {
		@Override
		public <ReqT, RespT> ServerCall.Listener<ReqT> interceptCall(ServerCall<ReqT, RespT> call, Metadata headers,
				ServerCallHandler<ReqT, RespT> next) {
			String authorization = headers.get(AUTHORIZATION);
			String user = authorization == null ? "" : authorization.replace("Bearer ", "").replace("-token", "");
			return Contexts.interceptCall(Context.current().withValue(CALLER, user), call, headers, next);
		}
	};

	final Map<String, Proposal> proposals = new ConcurrentHashMap<>();

	final List<String> calls = new CopyOnWriteArrayList<>();

	final List<ProposalContent> saved = new CopyOnWriteArrayList<>();

	final List<ProgressReport> reports = new CopyOnWriteArrayList<>();

	final List<ChangeRequest> changes = new CopyOnWriteArrayList<>();

	volatile TaskBookState taskBookState;

	/** The project's check rounds, newest first. */
	final List<cn.jiangmen.innovation.contracts.project.v1.CheckRound> rounds = new CopyOnWriteArrayList<>();

	/** Milestone evidence with its bytes, by milestone id. */
	final Map<String, List<cn.jiangmen.innovation.contracts.project.v1.DownloadMilestoneEvidenceResponse>> evidence = new ConcurrentHashMap<>();

	/** Each proposal's documents with their bytes, by proposal id. */
	final Map<String, List<DownloadProposalDocumentResponse>> documents = new ConcurrentHashMap<>();

	FakeProjectService() {
		reset();
	}

	void reset() {
		this.proposals.clear();
		this.calls.clear();
		this.saved.clear();
		this.reports.clear();
		this.changes.clear();
		this.documents.clear();
		this.rounds.clear();
		this.evidence.clear();
		this.taskBookState = TaskBookState.TASK_BOOK_STATE_ISSUED;
		this.proposals.put(DRAFT, withFindings(Proposal.newBuilder()
			.setProposalId(DRAFT)
			.setCallId(OPEN_CALL)
			.setStatus(ProposalStatus.PROPOSAL_STATUS_DRAFT)
			.setLeadOrganisationId(LEAD_ORG)
			.setLeadOrganisationName("江门市光电科技有限公司")
			.setTitle("轨道交通牵引变流器")
			.setTopicCode("T1")
			.setObjectives("研制新一代牵引变流器")
			.addConsortium(ConsortiumMember.newBuilder()
				.setOrganisationId(LEAD_ORG)
				.setOrganisationName("江门市光电科技有限公司")
				.setLead(true)
				.setRole("总体设计")
				.setWorkSharePercent(70)
				.setBudgetSharePercent(80))
			.addConsortium(ConsortiumMember.newBuilder()
				.setOrganisationId(PARTNER_ORG)
				.setOrganisationName("五邑大学")
				.setRole("可靠性测试")
				.setWorkSharePercent(30)
				.setBudgetSharePercent(20))
			.addKpis(Kpi.newBuilder().setKind(cn.jiangmen.innovation.contracts.project.v1.KpiKind.KPI_KIND_INVENTION_PATENTS_APPLIED)
				.setDescription("牵引变流器发明专利").setUnit("件").setTarget(5))
			.addWorkPlan(cn.jiangmen.innovation.contracts.project.v1.WorkPlanMilestone.newBuilder()
				.setTitle("样机").setDueDate("2027-12-31").setDeliverables("样机一台"))
			.addBudget(line(cn.jiangmen.innovation.contracts.project.v1.BudgetCategory.BUDGET_CATEGORY_EQUIPMENT,
					FundingSource.FUNDING_SOURCE_FISCAL, 60_000_000L))
			.addBudget(line(cn.jiangmen.innovation.contracts.project.v1.BudgetCategory.BUDGET_CATEGORY_EQUIPMENT,
					FundingSource.FUNDING_SOURCE_SELF_RAISED, 40_000_000L))
			.setVersion(3)));
	}

	static BudgetLine line(cn.jiangmen.innovation.contracts.project.v1.BudgetCategory category, FundingSource source,
			long fen) {
		return BudgetLine.newBuilder().setCategory(category).setSource(source).setAmount(fen(fen)).build();
	}

	static Money fen(long fen) {
		return Money.newBuilder().setCurrencyCode("CNY").setMinorUnits(fen).build();
	}

	static String organisationOf(String user) {
		return switch (user) {
			case "applicant1" -> LEAD_ORG;
			case "partner" -> PARTNER_ORG;
			default -> "00000000-0000-4000-8000-00000000dead";
		};
	}

	static ProjectCall openCall() {
		return ProjectCall.newBuilder()
			.setCallId(OPEN_CALL)
			.setFieldCode("rail-transit-equipment")
			.setYear(2026)
			.setTitle("2026 年轨道交通装备重大专项")
			.setStatus(ProjectCallStatus.PROJECT_CALL_STATUS_PUBLISHED)
			.addTopics(CallTopic.newBuilder().setCode("T1").setTitle("牵引变流器").setRequiresResearchPartner(true))
			.addTopics(CallTopic.newBuilder().setCode("T2").setTitle("车载储能"))
			.setFundingCeiling(fen(300_000_000L))
			.setMaxFiscalSharePercent(30)
			.addRequiredDocuments("营业执照")
			.addRequiredDocuments("审计报告")
			.setGuideline("支持轨道交通装备关键部件攻关。\n项目实施期不超过三年。")
			.setOpensAt(ProtoTimes.timestamp(Instant.now().minus(10, ChronoUnit.DAYS)))
			.setClosesAt(ProtoTimes.timestamp(Instant.parse("2027-06-30T09:00:00Z")))
			.setAcceptingProposals(true)
			.setVersion(1)
			.build();
	}

	static ProjectCall closedCall() {
		return openCall().toBuilder()
			.setCallId(CLOSED_CALL)
			.setFieldCode("additive-manufacturing")
			.setYear(2025)
			.setTitle("2025 年增材制造重大专项")
			.setStatus(ProjectCallStatus.PROJECT_CALL_STATUS_CLOSED)
			.setAcceptingProposals(false)
			.setClosesAt(ProtoTimes.timestamp(Instant.parse("2025-06-30T09:00:00Z")))
			.build();
	}

	/** The call's rules on the content as project-service words them (a subset: shares and fiscal share). */
	static Proposal withFindings(Proposal.Builder p) {
		long total = p.getBudgetList().stream().mapToLong(b -> b.getAmount().getMinorUnits()).sum();
		long fiscal = p.getBudgetList()
			.stream()
			.filter(b -> b.getSource() == FundingSource.FUNDING_SOURCE_FISCAL)
			.mapToLong(b -> b.getAmount().getMinorUnits())
			.sum();
		p.setTotalBudget(fen(total)).setFiscalRequest(fen(fiscal)).clearFindings();
		int work = p.getConsortiumList().stream().mapToInt(ConsortiumMember::getWorkSharePercent).sum();
		if (work != 100) {
			p.addFindings(RuleFinding.newBuilder().setField("partners").setCode("consortium.work-shares-not-100")
				.setMessage("The shares of work add up to " + work + "%, not 100%"));
		}
		if (total > 0 && fiscal * 100 > 30 * total) {
			p.addFindings(RuleFinding.newBuilder().setField("budget").setCode("budget.fiscal-share-over-limit")
				.setMessage("Fiscal money is over 30%"));
		}
		return p.build();
	}

	private static String caller() {
		return CALLER.get();
	}

	@Override
	public void listPriorityFields(ListPriorityFieldsRequest request, StreamObserver<ListPriorityFieldsResponse> observer) {
		this.calls.add("ListPriorityFields");
		observer.onNext(ListPriorityFieldsResponse.newBuilder()
			.addFields(PriorityField.newBuilder().setCode("rail-transit-equipment").setKind(FieldKind.FIELD_KIND_CITY)
				.setNameZh("轨道交通装备").setNameEn("Rail transit equipment").setPlanSection("五(二)"))
			.addFields(PriorityField.newBuilder().setCode("additive-manufacturing")
				.setKind(FieldKind.FIELD_KIND_PROVINCE_CITY_LINKED).setNameZh("增材制造").setNameEn("Additive manufacturing"))
			.build());
		observer.onCompleted();
	}

	@Override
	public void listCalls(ListCallsRequest request, StreamObserver<ListCallsResponse> observer) {
		this.calls.add("ListCalls:" + request.getFieldCode());
		ListCallsResponse.Builder response = ListCallsResponse.newBuilder();
		for (ProjectCall call : List.of(openCall(), closedCall())) {
			if (request.getFieldCode().isEmpty() || request.getFieldCode().equals(call.getFieldCode())) {
				response.addCalls(call);
			}
		}
		observer.onNext(response.build());
		observer.onCompleted();
	}

	@Override
	public void getCall(GetCallRequest request, StreamObserver<GetCallResponse> observer) {
		ProjectCall call = request.getCallId().equals(OPEN_CALL) ? openCall()
				: request.getCallId().equals(CLOSED_CALL) ? closedCall() : null;
		if (call == null) {
			observer.onError(Status.NOT_FOUND.asRuntimeException());
			return;
		}
		observer.onNext(GetCallResponse.newBuilder().setCall(call).build());
		observer.onCompleted();
	}

	@Override
	public void createProposal(CreateProposalRequest request, StreamObserver<CreateProposalResponse> observer) {
		if (request.getCallId().equals(CLOSED_CALL)) {
			refuse(observer, "call.not-open");
			return;
		}
		String id = "d0000000-0000-4000-8000-00000000000" + (this.proposals.size() + 1);
		Proposal created = withFindings(Proposal.newBuilder()
			.setProposalId(id)
			.setCallId(request.getCallId())
			.setStatus(ProposalStatus.PROPOSAL_STATUS_DRAFT)
			.setLeadOrganisationId(organisationOf(caller()))
			.setLeadOrganisationName("江门市光电科技有限公司")
			.addConsortium(ConsortiumMember.newBuilder().setOrganisationId(organisationOf(caller()))
				.setOrganisationName("江门市光电科技有限公司").setLead(true))
			.setVersion(1));
		this.proposals.put(id, created);
		observer.onNext(CreateProposalResponse.newBuilder().setProposal(created).build());
		observer.onCompleted();
	}

	@Override
	public void getProposal(GetProposalRequest request, StreamObserver<GetProposalResponse> observer) {
		Proposal proposal = visible(request.getProposalId(), observer);
		if (proposal != null) {
			observer.onNext(GetProposalResponse.newBuilder().setProposal(proposal).build());
			observer.onCompleted();
		}
	}

	@Override
	public void listProposals(ListProposalsRequest request, StreamObserver<ListProposalsResponse> observer) {
		String organisation = organisationOf(caller());
		observer.onNext(ListProposalsResponse.newBuilder()
			.addAllProposals(this.proposals.values()
				.stream()
				.filter(p -> p.getConsortiumList().stream().anyMatch(m -> m.getOrganisationId().equals(organisation)))
				.toList())
			.build());
		observer.onCompleted();
	}

	@Override
	public void saveProposal(SaveProposalRequest request, StreamObserver<SaveProposalResponse> observer) {
		Proposal before = lead(request.getProposalId(), observer);
		if (before == null) {
			return;
		}
		if (request.getVersion() != 0 && request.getVersion() != before.getVersion()) {
			refuse(observer, "proposal.changed-concurrently");
			return;
		}
		ProposalContent content = request.getContent();
		this.saved.add(content);
		List<RuleFinding> fieldErrors = new ArrayList<>();
		List<Kpi> kpis = new ArrayList<>();
		for (int i = 0; i < content.getKpisCount(); i++) {
			if (content.getKpis(i).getTarget() <= 0) {
				fieldErrors.add(RuleFinding.newBuilder().setField("kpis[" + i + "].target").setCode("not-positive").build());
			}
		}
		kpis = fieldErrors.isEmpty() ? content.getKpisList() : before.getKpisList();
		Proposal.Builder after = before.toBuilder()
			.setTitle(content.getTitle())
			.setTopicCode(content.getTopicCode())
			.setObjectives(content.getObjectives())
			.clearConsortium()
			.addConsortium(before.getConsortium(0).toBuilder()
				.setRole(content.getLeadRole())
				.setWorkSharePercent(content.getLeadWorkSharePercent())
				.setBudgetSharePercent(content.getLeadBudgetSharePercent()))
			.addAllConsortium(content.getPartnersList().stream().map(m -> m.toBuilder().clearConfirmedAt().build()).toList())
			.clearKpis()
			.addAllKpis(kpis)
			.clearWorkPlan()
			.addAllWorkPlan(content.getWorkPlanList())
			.clearBudget()
			.addAllBudget(content.getBudgetList())
			.setVersion(before.getVersion() + 1);
		Proposal stored = withFindings(after);
		this.proposals.put(stored.getProposalId(), stored);
		observer.onNext(SaveProposalResponse.newBuilder().setProposal(stored).addAllFieldErrors(fieldErrors).build());
		observer.onCompleted();
	}

	@Override
	public void submitProposal(SubmitProposalRequest request, StreamObserver<SubmitProposalResponse> observer) {
		Proposal before = lead(request.getProposalId(), observer);
		if (before == null) {
			return;
		}
		if (before.getConsortiumList().stream().anyMatch(m -> !m.getLead() && !m.hasConfirmedAt())) {
			refuse(observer, "proposal.partners-unconfirmed");
			return;
		}
		List<MissingDocument> missing = missing(before);
		if (before.getFindingsCount() > 0 || !missing.isEmpty()) {
			BadRequest.Builder bad = BadRequest.newBuilder();
			before.getFindingsList()
				.forEach(f -> bad.addFieldViolations(BadRequest.FieldViolation.newBuilder().setField(f.getField())
					.setReason(f.getCode()).setDescription(f.getMessage())));
			missing.forEach(m -> bad.addFieldViolations(BadRequest.FieldViolation.newBuilder().setField(m.getField())
				.setReason("attachment.required").setDescription("the call requires the document " + m.getRequirement())));
			invalid(observer, bad);
			return;
		}
		Proposal after = before.toBuilder()
			.setStatus(ProposalStatus.PROPOSAL_STATUS_SUBMITTED)
			.setSubmittedAt(ProtoTimes.timestamp(Instant.now()))
			.build();
		this.proposals.put(after.getProposalId(), after);
		observer.onNext(SubmitProposalResponse.newBuilder().setProposal(after).build());
		observer.onCompleted();
	}

	@Override
	public void withdrawProposal(WithdrawProposalRequest request, StreamObserver<WithdrawProposalResponse> observer) {
		Proposal before = lead(request.getProposalId(), observer);
		if (before == null) {
			return;
		}
		if (before.getStatus() != ProposalStatus.PROPOSAL_STATUS_SUBMITTED) {
			refuse(observer, "proposal.transition-not-allowed");
			return;
		}
		Proposal after = before.toBuilder().setStatus(ProposalStatus.PROPOSAL_STATUS_WITHDRAWN).build();
		this.proposals.put(after.getProposalId(), after);
		observer.onNext(WithdrawProposalResponse.newBuilder().setProposal(after).build());
		observer.onCompleted();
	}

	@Override
	public void confirmParticipation(ConfirmParticipationRequest request,
			StreamObserver<ConfirmParticipationResponse> observer) {
		Proposal before = visible(request.getProposalId(), observer);
		if (before == null) {
			return;
		}
		String organisation = organisationOf(caller());
		Proposal.Builder after = before.toBuilder().clearConsortium();
		for (ConsortiumMember m : before.getConsortiumList()) {
			after.addConsortium(!m.getLead() && m.getOrganisationId().equals(organisation)
					? m.toBuilder().setConfirmedAt(ProtoTimes.timestamp(Instant.now())).build() : m);
		}
		Proposal stored = after.build();
		this.proposals.put(stored.getProposalId(), stored);
		observer.onNext(ConfirmParticipationResponse.newBuilder().setProposal(stored).build());
		observer.onCompleted();
	}

	/** The proposal if the caller's organisation is in its consortium; NOT_FOUND otherwise. */
	private Proposal visible(String id, StreamObserver<?> observer) {
		Proposal proposal = this.proposals.get(id);
		String organisation = organisationOf(caller());
		if (proposal == null
				|| proposal.getConsortiumList().stream().noneMatch(m -> m.getOrganisationId().equals(organisation))) {
			observer.onError(Status.NOT_FOUND.withDescription("Proposal " + id).asRuntimeException());
			return null;
		}
		return proposal;
	}

	/** The proposal if the caller is of the lead organisation; partners get PERMISSION_DENIED. */
	private Proposal lead(String id, StreamObserver<?> observer) {
		Proposal proposal = visible(id, observer);
		if (proposal != null && !proposal.getLeadOrganisationId().equals(organisationOf(caller()))) {
			observer.onError(Status.PERMISSION_DENIED.asRuntimeException());
			return null;
		}
		return proposal;
	}

	// ---- proposal documents: the lead uploads and removes while editable; whoever reads the proposal lists and downloads

	List<MissingDocument> missing(Proposal proposal) {
		List<String> required = (proposal.getCallId().equals(CLOSED_CALL) ? closedCall() : openCall()).getRequiredDocumentsList();
		List<DownloadProposalDocumentResponse> stored = this.documents.getOrDefault(proposal.getProposalId(), List.of());
		List<MissingDocument> missing = new ArrayList<>();
		for (int i = 0; i < required.size(); i++) {
			String requirement = required.get(i);
			if (stored.stream().noneMatch(d -> d.getDocument().getRequirement().equals(requirement))) {
				missing.add(MissingDocument.newBuilder().setField("documents[" + i + "]").setRequirement(requirement).build());
			}
		}
		return missing;
	}

	private static boolean editable(Proposal proposal) {
		return proposal.getStatus() == ProposalStatus.PROPOSAL_STATUS_DRAFT
				|| proposal.getStatus() == ProposalStatus.PROPOSAL_STATUS_RETURNED;
	}

	@Override
	public void uploadProposalDocument(UploadProposalDocumentRequest request,
			StreamObserver<UploadProposalDocumentResponse> observer) {
		Proposal proposal = lead(request.getProposalId(), observer);
		if (proposal == null) {
			return;
		}
		if (!editable(proposal)) {
			refuse(observer, "proposal.not-editable");
			return;
		}
		// the platform's checks, a subset: PDF only here, recognised by content, the name must say so
		String reason = null;
		ByteString content = request.getContent();
		if (content.isEmpty()) {
			reason = "attachment.empty";
		}
		else if (!content.startsWith(ByteString.copyFromUtf8("%PDF-"))) {
			reason = "attachment.type";
		}
		else if (!request.getFilename().toLowerCase(java.util.Locale.ROOT).endsWith(".pdf")) {
			reason = "attachment.disguised";
		}
		if (reason != null) {
			invalid(observer, BadRequest.newBuilder().addFieldViolations(
					BadRequest.FieldViolation.newBuilder().setField("file").setReason(reason).setDescription(reason)));
			return;
		}
		ProjectDocument document = ProjectDocument.newBuilder()
			.setDocumentId(java.util.UUID.randomUUID().toString())
			.setRequirement(request.getRequirement())
			.setFilename(request.getFilename())
			.setContentType("application/pdf")
			.setSizeBytes(content.size())
			.setSha256("00")
			.setUploadedBy(caller())
			.setUploadedAt(ProtoTimes.timestamp(Instant.parse("2026-12-01T02:30:00Z")))
			.build();
		this.documents.computeIfAbsent(proposal.getProposalId(), id -> new CopyOnWriteArrayList<>())
			.add(DownloadProposalDocumentResponse.newBuilder().setDocument(document).setContent(content).build());
		observer.onNext(UploadProposalDocumentResponse.newBuilder().setDocument(document).build());
		observer.onCompleted();
	}

	@Override
	public void listProposalDocuments(ListProposalDocumentsRequest request,
			StreamObserver<ListProposalDocumentsResponse> observer) {
		Proposal proposal = visible(request.getProposalId(), observer);
		if (proposal == null) {
			return;
		}
		observer.onNext(ListProposalDocumentsResponse.newBuilder()
			.addAllDocuments(this.documents.getOrDefault(proposal.getProposalId(), List.of())
				.stream()
				.map(DownloadProposalDocumentResponse::getDocument)
				.toList())
			.addAllMissing(missing(proposal))
			.build());
		observer.onCompleted();
	}

	@Override
	public void downloadProposalDocument(DownloadProposalDocumentRequest request,
			StreamObserver<DownloadProposalDocumentResponse> observer) {
		Proposal proposal = visible(request.getProposalId(), observer);
		if (proposal == null) {
			return;
		}
		this.documents.getOrDefault(proposal.getProposalId(), List.of())
			.stream()
			.filter(d -> d.getDocument().getDocumentId().equals(request.getDocumentId()))
			.findFirst()
			.ifPresentOrElse(d -> {
				observer.onNext(d);
				observer.onCompleted();
			}, () -> observer.onError(Status.NOT_FOUND.asRuntimeException()));
	}

	@Override
	public void deleteProposalDocument(DeleteProposalDocumentRequest request,
			StreamObserver<DeleteProposalDocumentResponse> observer) {
		Proposal proposal = lead(request.getProposalId(), observer);
		if (proposal == null) {
			return;
		}
		if (!editable(proposal)) {
			refuse(observer, "proposal.not-editable");
			return;
		}
		List<DownloadProposalDocumentResponse> stored = this.documents.getOrDefault(proposal.getProposalId(), List.of());
		if (!stored.removeIf(d -> d.getDocument().getDocumentId().equals(request.getDocumentId()))) {
			observer.onError(Status.NOT_FOUND.asRuntimeException());
			return;
		}
		observer.onNext(DeleteProposalDocumentResponse.getDefaultInstance());
		observer.onCompleted();
	}

	// ---- the project in execution

	private boolean projectVisible(String projectId, StreamObserver<?> observer) {
		if (!projectId.equals(PROJECT) || !LEAD_ORG.equals(organisationOf(caller()))) {
			observer.onError(Status.NOT_FOUND.asRuntimeException());
			return false;
		}
		return true;
	}

	static ProjectSummary summary(TaskBookState state) {
		return ProjectSummary.newBuilder()
			.setProjectId(PROJECT)
			.setTitle("LED 背光模组产业化")
			.setFieldCode("rail-transit-equipment")
			.setLeadOrganisationId(LEAD_ORG)
			.setStage(ProjectStage.PROJECT_STAGE_EXECUTION)
			.setApprovedFiscal(fen(150_000_000L))
			.setTaskBookState(state)
			.addMilestones(PlannedMilestone.newBuilder().setMilestoneId(MILESTONE_1).setProjectId(PROJECT).setSequence(1)
				.setTitle("样机").setDueDate("2027-03-31").setDeliverables("样机模组").setTranche(fen(60_000_000L))
				.setState(MilestoneState.MILESTONE_STATE_PLANNED))
			.addMilestones(PlannedMilestone.newBuilder().setMilestoneId(MILESTONE_2).setProjectId(PROJECT).setSequence(2)
				.setTitle("量产").setDueDate("2028-03-31").setDeliverables("量产线").setTranche(fen(90_000_000L))
				.setState(MilestoneState.MILESTONE_STATE_ACCEPTED))
			.build();
	}

	@Override
	public void getProjectSummary(GetProjectSummaryRequest request, StreamObserver<GetProjectSummaryResponse> observer) {
		if (projectVisible(request.getProjectId(), observer)) {
			observer.onNext(GetProjectSummaryResponse.newBuilder().setSummary(summary(this.taskBookState)).build());
			observer.onCompleted();
		}
	}

	@Override
	public void getTaskBook(GetTaskBookRequest request, StreamObserver<GetTaskBookResponse> observer) {
		if (projectVisible(request.getProjectId(), observer)) {
			observer.onNext(GetTaskBookResponse.newBuilder()
				.setProject(summary(this.taskBookState))
				.setStatus(TaskBookStatus.newBuilder().setProjectId(PROJECT).setState(this.taskBookState))
				.addKpiTargets(KpiTarget.newBuilder().setKpiTargetId(KPI_TARGET).setMilestoneId(MILESTONE_1)
					.setName("发明专利申请").setUnit("件").setTarget("3"))
				.build());
			observer.onCompleted();
		}
	}

	@Override
	public void getTaskBookPdf(GetTaskBookPdfRequest request, StreamObserver<GetTaskBookPdfResponse> observer) {
		if (projectVisible(request.getProjectId(), observer)) {
			observer.onNext(GetTaskBookPdfResponse.newBuilder()
				.setPdf(ByteString.copyFromUtf8("%PDF-1.7 task book"))
				.setFileName("task-book-" + PROJECT + ".pdf")
				.build());
			observer.onCompleted();
		}
	}

	@Override
	public void acceptTaskBook(AcceptTaskBookRequest request, StreamObserver<AcceptTaskBookResponse> observer) {
		if (projectVisible(request.getProjectId(), observer)) {
			if (this.taskBookState != TaskBookState.TASK_BOOK_STATE_ISSUED) {
				refuse(observer, "task-book.state");
				return;
			}
			this.taskBookState = TaskBookState.TASK_BOOK_STATE_ACCEPTED_BY_LEAD;
			observer.onNext(AcceptTaskBookResponse.newBuilder()
				.setStatus(TaskBookStatus.newBuilder().setProjectId(PROJECT).setState(this.taskBookState))
				.build());
			observer.onCompleted();
		}
	}

	@Override
	public void listProgressReports(ListProgressReportsRequest request, StreamObserver<ListProgressReportsResponse> observer) {
		if (projectVisible(request.getProjectId(), observer)) {
			observer.onNext(ListProgressReportsResponse.newBuilder()
				.addAllReports(this.reports.stream().filter(r -> r.getMilestoneId().equals(request.getMilestoneId())).toList())
				.build());
			observer.onCompleted();
		}
	}

	@Override
	public void submitProgressReport(SubmitProgressReportRequest request,
			StreamObserver<SubmitProgressReportResponse> observer) {
		if (!projectVisible(request.getProjectId(), observer)) {
			return;
		}
		BadRequest.Builder bad = BadRequest.newBuilder();
		if (request.getSummary().isBlank()) {
			bad.addFieldViolations(BadRequest.FieldViolation.newBuilder().setField("summary").setReason("required"));
		}
		for (int i = 0; i < request.getKpiValuesCount(); i++) {
			if (!request.getKpiValues(i).getReached().matches("\\d+(\\.\\d{1,2})?")) {
				bad.addFieldViolations(BadRequest.FieldViolation.newBuilder().setField("kpiValues[" + i + "].reached")
					.setReason("kpi.amount-malformed"));
			}
		}
		if (bad.getFieldViolationsCount() > 0) {
			invalid(observer, bad);
			return;
		}
		ProgressReport report = ProgressReport.newBuilder()
			.setReportId("r" + this.reports.size())
			.setMilestoneId(request.getMilestoneId())
			.setSubmittedBy(caller())
			.setSummary(request.getSummary())
			.addAllKpiValues(request.getKpiValuesList().stream().map(v -> v.toBuilder().setName("发明专利申请").setUnit("件").build()).toList())
			.addAllDocuments(request.getDocumentsList())
			.build();
		this.reports.add(report);
		observer.onNext(SubmitProgressReportResponse.newBuilder().setReport(report).build());
		observer.onCompleted();
	}

	@Override
	public void listChangeRequests(ListChangeRequestsRequest request, StreamObserver<ListChangeRequestsResponse> observer) {
		if (projectVisible(request.getProjectId(), observer)) {
			observer.onNext(ListChangeRequestsResponse.newBuilder().addAllChangeRequests(this.changes).build());
			observer.onCompleted();
		}
	}

	@Override
	public void requestChange(RequestChangeRequest request, StreamObserver<RequestChangeResponse> observer) {
		if (!projectVisible(request.getProjectId(), observer)) {
			return;
		}
		BadRequest.Builder bad = BadRequest.newBuilder();
		if (request.getReason().isBlank()) {
			bad.addFieldViolations(BadRequest.FieldViolation.newBuilder().setField("reason").setReason("required"));
		}
		RequestedChange change = request.getChange();
		if (change.getKind() == ChangeRequestKind.CHANGE_REQUEST_KIND_UNSPECIFIED) {
			bad.addFieldViolations(BadRequest.FieldViolation.newBuilder().setField("kind").setReason("change-request.kind"));
		}
		if (change.getKind() == ChangeRequestKind.CHANGE_REQUEST_KIND_MILESTONE_DATE && change.getNewDueDate().isBlank()) {
			bad.addFieldViolations(BadRequest.FieldViolation.newBuilder().setField("newDueDate").setReason("date.malformed"));
		}
		if (bad.getFieldViolationsCount() > 0) {
			invalid(observer, bad);
			return;
		}
		ChangeRequest created = ChangeRequest.newBuilder()
			.setChangeRequestId("cr" + this.changes.size())
			.setProjectId(PROJECT)
			.setChange(change)
			.setReason(request.getReason())
			.setState(ChangeRequestState.CHANGE_REQUEST_STATE_PENDING)
			.setRequestedBy(caller())
			.build();
		this.changes.add(0, created);
		observer.onNext(RequestChangeResponse.newBuilder().setChangeRequest(created).build());
		observer.onCompleted();
	}

	/** An approved date change with before/after, as the manager's approval records it. */
	void approvedDateChange() {
		this.changes.add(ChangeRequest.newBuilder()
			.setChangeRequestId("cr-approved")
			.setProjectId(PROJECT)
			.setChange(RequestedChange.newBuilder().setKind(ChangeRequestKind.CHANGE_REQUEST_KIND_MILESTONE_DATE)
				.setMilestoneId(MILESTONE_1).setNewDueDate("2027-06-30"))
			.setReason("驱动芯片供应商延期交货")
			.setState(ChangeRequestState.CHANGE_REQUEST_STATE_APPROVED)
			.setDecisionReason("同意延期")
			.addBefore(ChangeValue.newBuilder().setName("milestoneId").setValue(MILESTONE_1))
			.addBefore(ChangeValue.newBuilder().setName("dueDate").setValue("2027-03-31"))
			.addAfter(ChangeValue.newBuilder().setName("milestoneId").setValue(MILESTONE_1))
			.addAfter(ChangeValue.newBuilder().setName("dueDate").setValue("2027-06-30"))
			.build());
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
			.addDetails(Any.pack(ErrorInfo.newBuilder().setDomain("jiangmen.innovation").setReason(reason).build()))
			.build()));
	}


	// ---- check rounds and milestone evidence

	@Override
	public void listCheckRounds(cn.jiangmen.innovation.contracts.project.v1.ListCheckRoundsRequest request,
			StreamObserver<cn.jiangmen.innovation.contracts.project.v1.ListCheckRoundsResponse> observer) {
		if (projectVisible(request.getProjectId(), observer)) {
			observer.onNext(cn.jiangmen.innovation.contracts.project.v1.ListCheckRoundsResponse.newBuilder()
				.addAllCheckRounds(this.rounds)
				.build());
			observer.onCompleted();
		}
	}

	@Override
	public void listMilestoneEvidence(cn.jiangmen.innovation.contracts.project.v1.ListMilestoneEvidenceRequest request,
			StreamObserver<cn.jiangmen.innovation.contracts.project.v1.ListMilestoneEvidenceResponse> observer) {
		if (projectVisible(request.getProjectId(), observer)) {
			observer.onNext(cn.jiangmen.innovation.contracts.project.v1.ListMilestoneEvidenceResponse.newBuilder()
				.addAllDocuments(this.evidence.getOrDefault(request.getMilestoneId(), List.of())
					.stream()
					.map(d -> d.getDocument())
					.toList())
				.build());
			observer.onCompleted();
		}
	}

	/** As project-service: the lead only (another reader PERMISSION_DENIED), PDF recognised by content. */
	@Override
	public void uploadMilestoneEvidence(cn.jiangmen.innovation.contracts.project.v1.UploadMilestoneEvidenceRequest request,
			StreamObserver<cn.jiangmen.innovation.contracts.project.v1.UploadMilestoneEvidenceResponse> observer) {
		if (!projectVisible(request.getProjectId(), observer)) {
			return;
		}
		if (!"applicant1".equals(caller())) {
			observer.onError(Status.PERMISSION_DENIED.asRuntimeException());
			return;
		}
		ByteString content = request.getContent();
		if (!content.startsWith(ByteString.copyFromUtf8("%PDF-"))) {
			invalid(observer, BadRequest.newBuilder().addFieldViolations(
					BadRequest.FieldViolation.newBuilder().setField("file").setReason("attachment.type")));
			return;
		}
		ProjectDocument document = ProjectDocument.newBuilder()
			.setDocumentId(java.util.UUID.randomUUID().toString())
			.setFilename(request.getFilename())
			.setContentType("application/pdf")
			.setSizeBytes(content.size())
			.setSha256(String.format("%064x", new java.math.BigInteger(1, content.toByteArray())).substring(0, 64))
			.setUploadedBy(caller())
			.build();
		this.evidence.computeIfAbsent(request.getMilestoneId(), id -> new CopyOnWriteArrayList<>())
			.add(cn.jiangmen.innovation.contracts.project.v1.DownloadMilestoneEvidenceResponse.newBuilder()
				.setDocument(document)
				.setContent(content)
				.build());
		observer.onNext(cn.jiangmen.innovation.contracts.project.v1.UploadMilestoneEvidenceResponse.newBuilder()
			.setDocument(document)
			.build());
		observer.onCompleted();
	}

	@Override
	public void downloadMilestoneEvidence(cn.jiangmen.innovation.contracts.project.v1.DownloadMilestoneEvidenceRequest request,
			StreamObserver<cn.jiangmen.innovation.contracts.project.v1.DownloadMilestoneEvidenceResponse> observer) {
		if (!projectVisible(request.getProjectId(), observer)) {
			return;
		}
		var found = this.evidence.getOrDefault(request.getMilestoneId(), List.of())
			.stream()
			.filter(d -> d.getDocument().getDocumentId().equals(request.getDocumentId()))
			.findFirst();
		if (found.isEmpty()) {
			observer.onError(Status.NOT_FOUND.asRuntimeException());
			return;
		}
		observer.onNext(found.get());
		observer.onCompleted();
	}

}
