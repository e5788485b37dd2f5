package cn.jiangmen.innovation.funding;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.jiangmen.innovation.contracts.common.v1.Money;
import cn.jiangmen.innovation.contracts.funding.v1.Award;
import cn.jiangmen.innovation.contracts.funding.v1.BudgetLine;
import cn.jiangmen.innovation.contracts.funding.v1.BudgetRaise;
import cn.jiangmen.innovation.contracts.funding.v1.BudgetRaiseDecision;
import cn.jiangmen.innovation.contracts.funding.v1.BudgetRaiseState;
import cn.jiangmen.innovation.contracts.funding.v1.CommitAwardRequest;
import cn.jiangmen.innovation.contracts.funding.v1.CommitAwardResponse;
import cn.jiangmen.innovation.contracts.funding.v1.DecideBudgetRaiseRequest;
import cn.jiangmen.innovation.contracts.funding.v1.DecideTrancheRequest;
import cn.jiangmen.innovation.contracts.funding.v1.FundingServiceGrpc;
import cn.jiangmen.innovation.contracts.funding.v1.GetAwardRequest;
import cn.jiangmen.innovation.contracts.funding.v1.ListAwardsRequest;
import cn.jiangmen.innovation.contracts.funding.v1.ListBudgetRaisesRequest;
import cn.jiangmen.innovation.contracts.funding.v1.ListBudgetsRequest;
import cn.jiangmen.innovation.contracts.funding.v1.ListBudgetsResponse;
import cn.jiangmen.innovation.contracts.funding.v1.ListTranchesRequest;
import cn.jiangmen.innovation.contracts.funding.v1.ListTranchesResponse;
import cn.jiangmen.innovation.contracts.funding.v1.OpenBudgetLineRequest;
import cn.jiangmen.innovation.contracts.funding.v1.PrepareBudgetRaiseRequest;
import cn.jiangmen.innovation.contracts.funding.v1.PrepareTrancheRequest;
import cn.jiangmen.innovation.contracts.funding.v1.QueuedTranche;
import cn.jiangmen.innovation.contracts.funding.v1.Tranche;
import cn.jiangmen.innovation.contracts.funding.v1.TrancheDecision;
import cn.jiangmen.innovation.contracts.funding.v1.TrancheQueue;
import cn.jiangmen.innovation.contracts.project.v1.MilestoneState;
import cn.jiangmen.innovation.testsupport.client.GrpcChannels;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The read side the portal's finance and award pages use (tranche queues, awards, budgets) and
 * the budget raise RPCs, with real PostgreSQL and Keycloak tokens: per role, per object (another
 * organisation's award is NOT_FOUND), paginated, and the ledger checked after each test.
 */
class FundingReadRpcsIT extends FundingIntegrationTest {

	static final String ORG_2 = "7d1c2a8e-0000-4000-8000-000000000002";

	static final ProjectServiceStub projectService = ProjectServiceStub.start();

	static final Map<String, MilestoneState> milestones = projectService.milestones;

	@DynamicPropertySource
	static void projectServiceProperties(DynamicPropertyRegistry registry) {
		registry.add("spring.grpc.client.channel.project.target", projectService::target);
	}

	FundingReadRpcsIT() {
		super("read", 100_000L);
	}

	@AfterAll
	static void stopProjectService() {
		projectService.stop();
	}

	@Test
	void theQueuesShowDueTranchesWithTheirAwardAndMakerAndFollowThemThroughTheDecision() {
		String milestone = UUID.randomUUID().toString();
		milestones.put(milestone, MilestoneState.MILESTONE_STATE_ACCEPTED);
		CommitAwardResponse award = commit(ORG_1, tranche(milestone, 30_000L, "2026-06-01"), tranche("", 10_000L, "2026-01-15"),
				tranche("", 10_000L, "2099-01-15"));
		String milestoneTranche = award.getTranches(0).getTrancheId();
		String dueInstalment = award.getTranches(1).getTrancheId();
		String futureInstalment = award.getTranches(2).getTrancheId();

		List<String> toPrepare = ids(queue("officer", TrancheQueue.TRANCHE_QUEUE_TO_PREPARE));
		assertThat(toPrepare).contains(milestoneTranche, dueInstalment).doesNotContain(futureInstalment);

		funding("officer").prepareTranche(
				PrepareTrancheRequest.newBuilder().setIdempotencyKey(key()).setTrancheId(milestoneTranche).build());
		QueuedTranche asMaker = find(queue("officer", TrancheQueue.TRANCHE_QUEUE_TO_APPROVE), milestoneTranche);
		assertThat(asMaker.getPreparedBy()).isEqualTo("officer");
		assertThat(asMaker.getPreparedByCaller()).as("the maker sees it is their own").isTrue();
		assertThat(asMaker.getCommitmentId()).isEqualTo(award.getCommitmentId());
		assertThat(asMaker.getAwardReference()).startsWith("project/");
		assertThat(asMaker.getProgramCode()).isEqualTo(this.code);
		assertThat(asMaker.getRecipientOrganisationId()).isEqualTo(ORG_1);
		assertThat(asMaker.getTranche().getAmount().getMinorUnits()).isEqualTo(30_000L);
		assertThat(asMaker.getTranche().getMilestoneId()).isEqualTo(milestone);
		assertThat(find(queue("approver", TrancheQueue.TRANCHE_QUEUE_TO_APPROVE), milestoneTranche).getPreparedByCaller())
			.isFalse();
		assertThat(ids(queue("officer", TrancheQueue.TRANCHE_QUEUE_TO_PREPARE))).doesNotContain(milestoneTranche);

		funding("approver").decideTranche(DecideTrancheRequest.newBuilder()
			.setIdempotencyKey(key())
			.setTrancheId(milestoneTranche)
			.setDecision(TrancheDecision.TRANCHE_DECISION_REJECT)
			.setReason("收款账户缺失")
			.build());
		QueuedTranche rejected = find(queue("auditor", TrancheQueue.TRANCHE_QUEUE_REJECTED), milestoneTranche);
		assertThat(rejected.getDecisionReason()).isEqualTo("收款账户缺失");
		assertThat(rejected.getDecidedBy()).isEqualTo("approver");
	}

	@Test
	void theQueuesArePagedAndClosedToApplicantsAndManagers() {
		commit(ORG_1, tranche("", 1_000L, "2026-01-01"), tranche("", 1_000L, "2026-01-02"));
		ListTranchesResponse first = funding("officer").listTranches(ListTranchesRequest.newBuilder()
			.setQueue(TrancheQueue.TRANCHE_QUEUE_TO_PREPARE)
			.setPageSize(1)
			.build());
		assertThat(first.getTranchesList()).hasSize(1);
		assertThat(first.getNextPageToken()).isNotEmpty();
		ListTranchesResponse second = funding("officer").listTranches(ListTranchesRequest.newBuilder()
			.setQueue(TrancheQueue.TRANCHE_QUEUE_TO_PREPARE)
			.setPageSize(1)
			.setPageToken(first.getNextPageToken())
			.build());
		assertThat(second.getTranches(0).getTranche().getTrancheId())
			.isNotEqualTo(first.getTranches(0).getTranche().getTrancheId());
		for (String user : List.of("applicant1", "manager")) {
			assertThatThrownBy(() -> queue(user, TrancheQueue.TRANCHE_QUEUE_TO_PREPARE))
				.isInstanceOfSatisfying(StatusRuntimeException.class,
						ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
		}
		assertThatThrownBy(() -> queue("officer", TrancheQueue.TRANCHE_QUEUE_UNSPECIFIED))
			.isInstanceOfSatisfying(StatusRuntimeException.class,
					ex -> assertThat(GrpcChannels.fieldViolations(ex)).containsExactly("queue"));
	}

	@Test
	void anApplicantReadsTheirOrganisationsAwardsAndAnotherOrganisationsAwardIsNotFound() {
		CommitAwardResponse award = commit(ORG_1, tranche("", 5_000L, "2026-01-15"), tranche("", 5_000L, "2027-01-15"));
		GetAwardRequest get = GetAwardRequest.newBuilder().setCommitmentId(award.getCommitmentId()).build();

		Award own = funding("applicant1").getAward(get).getAward();
		assertThat(own.getAmount().getMinorUnits()).isEqualTo(10_000L);
		assertThat(own.getTranchesList()).hasSize(2);
		assertThat(own.getReleased().getMinorUnits()).isZero();
		assertThat(funding("applicant1").listAwards(ListAwardsRequest.newBuilder().setPageSize(200).build())
			.getAwardsList()).extracting(Award::getCommitmentId).contains(award.getCommitmentId());

		assertThatThrownBy(() -> funding("applicant2").getAward(get))
			.isInstanceOfSatisfying(StatusRuntimeException.class,
					ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
		assertThat(funding("applicant2").listAwards(ListAwardsRequest.newBuilder().setRecipientOrganisationId(ORG_1).build())
			.getAwardsList()).as("another organisation's awards, asked by id").isEmpty();
		assertThat(funding("applicant2").listAwards(ListAwardsRequest.getDefaultInstance()).getAwardsList())
			.extracting(Award::getCommitmentId).doesNotContain(award.getCommitmentId());
		assertThatThrownBy(() -> funding("applicant1").getAward(
				GetAwardRequest.newBuilder().setCommitmentId(UUID.randomUUID().toString()).build()))
			.isInstanceOfSatisfying(StatusRuntimeException.class,
					ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));

		assertThat(funding("auditor").listAwards(ListAwardsRequest.newBuilder().setRecipientOrganisationId(ORG_1).setPageSize(200).build())
			.getAwardsList()).extracting(Award::getCommitmentId).contains(award.getCommitmentId());
	}

	@Test
	void aBudgetRaiseOverGrpcNeedsTwoPeopleAndTheLineShowsItsFigures() {
		String line = "grpc-" + UUID.randomUUID().toString().substring(0, 8);
		BudgetLine opened = funding("officer").openBudgetLine(
				OpenBudgetLineRequest.newBuilder().setIdempotencyKey(key()).setProgramCode(line).setFiscalYear(2026).build())
			.getBudget();
		assertThat(opened.getAppropriated().getMinorUnits()).isZero();
		BudgetRaise raise = funding("officer").prepareBudgetRaise(PrepareBudgetRaiseRequest.newBuilder()
			.setIdempotencyKey(key())
			.setProgramCode(line)
			.setFiscalYear(2026)
			.setAmount(Money.newBuilder().setCurrencyCode("CNY").setMinorUnits(500_000L))
			.build()).getRaise();
		assertThat(raise.getState()).isEqualTo(BudgetRaiseState.BUDGET_RAISE_STATE_PREPARED);
		assertThat(raise.getPreparedByCaller()).isTrue();
		assertThat(funding("approver").listBudgetRaises(
				ListBudgetRaisesRequest.newBuilder().setState(BudgetRaiseState.BUDGET_RAISE_STATE_PREPARED).setPageSize(200).build())
			.getRaisesList()).filteredOn(r -> r.getRaiseId().equals(raise.getRaiseId()))
			.singleElement()
			.satisfies(r -> assertThat(r.getPreparedByCaller()).isFalse());

		assertThatThrownBy(() -> decideRaise("officer", raise.getRaiseId(), BudgetRaiseDecision.BUDGET_RAISE_DECISION_APPROVE))
			.isInstanceOfSatisfying(StatusRuntimeException.class,
					ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
		assertThat(decideRaise("approver", raise.getRaiseId(), BudgetRaiseDecision.BUDGET_RAISE_DECISION_APPROVE).getState())
			.isEqualTo(BudgetRaiseState.BUDGET_RAISE_STATE_APPROVED);

		BudgetLine after = lines("auditor", 2026).stream().filter(l -> l.getProgramCode().equals(line)).findFirst().orElseThrow();
		assertThat(after.getAppropriated().getMinorUnits()).isEqualTo(500_000L);
		assertThat(after.getAvailable().getMinorUnits()).isEqualTo(500_000L);
		assertThat(after.getPending().getMinorUnits()).isZero();
	}

	@Test
	void budgetsAreListedPerYearPagedAndRefusedToApplicantsAndBadAmountsNameTheField() {
		assertThat(lines("manager", 2026)).extracting(BudgetLine::getProgramCode).contains(this.code);
		assertThat(lines("manager", 2031)).extracting(BudgetLine::getProgramCode).doesNotContain(this.code);
		ListBudgetsResponse page = funding("officer").listBudgets(ListBudgetsRequest.newBuilder().setPageSize(1).build());
		assertThat(page.getBudgetsList()).hasSize(1);
		assertThat(page.getNextPageToken()).isNotEmpty();
		assertThatThrownBy(() -> lines("applicant1", 2026)).isInstanceOfSatisfying(StatusRuntimeException.class,
				ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
		assertThatThrownBy(() -> funding("officer").prepareBudgetRaise(PrepareBudgetRaiseRequest.newBuilder()
			.setIdempotencyKey(key())
			.setProgramCode(this.code)
			.setFiscalYear(2026)
			.setAmount(Money.newBuilder().setCurrencyCode("CNY").setMinorUnits(-5))
			.build())).isInstanceOfSatisfying(StatusRuntimeException.class,
					ex -> assertThat(GrpcChannels.fieldViolations(ex)).containsExactly("amount.minor_units"));
		assertThatThrownBy(() -> funding("officer").listBudgets(ListBudgetsRequest.newBuilder().setPageToken("%%").build()))
			.isInstanceOfSatisfying(StatusRuntimeException.class,
					ex -> assertThat(GrpcChannels.fieldViolations(ex)).containsExactly("page_token"));
	}

	private List<BudgetLine> lines(String user, int year) {
		return funding(user).listBudgets(ListBudgetsRequest.newBuilder().setFiscalYear(year).setPageSize(200).build())
			.getBudgetsList();
	}

	private BudgetRaise decideRaise(String user, String raiseId, BudgetRaiseDecision decision) {
		return funding(user).decideBudgetRaise(DecideBudgetRaiseRequest.newBuilder()
			.setIdempotencyKey(key())
			.setRaiseId(raiseId)
			.setDecision(decision)
			.build()).getRaise();
	}

	private List<QueuedTranche> queue(String user, TrancheQueue queue) {
		return funding(user).listTranches(ListTranchesRequest.newBuilder().setQueue(queue).setPageSize(200).build())
			.getTranchesList();
	}

	private static QueuedTranche find(List<QueuedTranche> queue, String trancheId) {
		return queue.stream().filter(q -> q.getTranche().getTrancheId().equals(trancheId)).findFirst().orElseThrow();
	}

	private static List<String> ids(List<QueuedTranche> queue) {
		return queue.stream().map(q -> q.getTranche().getTrancheId()).toList();
	}

	private static Tranche tranche(String milestone, long fen, String planned) {
		return Tranche.newBuilder()
			.setMilestoneId(milestone)
			.setAmount(Money.newBuilder().setCurrencyCode("CNY").setMinorUnits(fen))
			.setPlannedDate(planned)
			.build();
	}

	private CommitAwardResponse commit(String organisation, Tranche... tranches) {
		return GrpcChannels.withToken(FundingServiceGrpc.newBlockingStub(this.channel), infra.tokens().serviceAccountToken())
			.commitAward(CommitAwardRequest.newBuilder()
				.setIdempotencyKey("award-" + UUID.randomUUID())
				.setBudgetCode(this.code)
				.setFiscalYear(2026)
				.setAwardReference("project/" + UUID.randomUUID())
				.setRecipientOrganisationId(organisation)
				.setProjectId(UUID.randomUUID().toString())
				.addAllTranches(List.of(tranches))
				.build());
	}

	private FundingServiceGrpc.FundingServiceBlockingStub funding(String user) {
		return GrpcChannels.withToken(FundingServiceGrpc.newBlockingStub(this.channel), infra.tokens().accessToken(user));
	}

	private static String key() {
		return "key-" + UUID.randomUUID();
	}

	private static final String ORG_1 = FundingServiceIT.ORG_1;

}
