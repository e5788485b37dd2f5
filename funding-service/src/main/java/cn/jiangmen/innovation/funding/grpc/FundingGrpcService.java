package cn.jiangmen.innovation.funding.grpc;

import java.util.List;

import cn.jiangmen.innovation.contracts.common.v1.Money;
import cn.jiangmen.innovation.contracts.funding.v1.CommitAwardRequest;
import cn.jiangmen.innovation.contracts.funding.v1.CommitAwardResponse;
import cn.jiangmen.innovation.contracts.funding.v1.CommitmentState;
import cn.jiangmen.innovation.contracts.funding.v1.DecideTrancheRequest;
import cn.jiangmen.innovation.contracts.funding.v1.DecideTrancheResponse;
import cn.jiangmen.innovation.contracts.funding.v1.DecideBudgetRaiseRequest;
import cn.jiangmen.innovation.contracts.funding.v1.DecideBudgetRaiseResponse;
import cn.jiangmen.innovation.contracts.funding.v1.FundingServiceGrpc;
import cn.jiangmen.innovation.contracts.funding.v1.GetAwardRequest;
import cn.jiangmen.innovation.contracts.funding.v1.GetAwardResponse;
import cn.jiangmen.innovation.contracts.funding.v1.ListAwardsRequest;
import cn.jiangmen.innovation.contracts.funding.v1.ListAwardsResponse;
import cn.jiangmen.innovation.contracts.funding.v1.ListBudgetRaisesRequest;
import cn.jiangmen.innovation.contracts.funding.v1.ListBudgetRaisesResponse;
import cn.jiangmen.innovation.contracts.funding.v1.ListBudgetsRequest;
import cn.jiangmen.innovation.contracts.funding.v1.ListBudgetsResponse;
import cn.jiangmen.innovation.contracts.funding.v1.ListTranchesRequest;
import cn.jiangmen.innovation.contracts.funding.v1.ListTranchesResponse;
import cn.jiangmen.innovation.contracts.funding.v1.OpenBudgetLineRequest;
import cn.jiangmen.innovation.contracts.funding.v1.OpenBudgetLineResponse;
import cn.jiangmen.innovation.contracts.funding.v1.PrepareBudgetRaiseRequest;
import cn.jiangmen.innovation.contracts.funding.v1.PrepareBudgetRaiseResponse;
import cn.jiangmen.innovation.contracts.funding.v1.PrepareTrancheRequest;
import cn.jiangmen.innovation.contracts.funding.v1.PrepareTrancheResponse;
import cn.jiangmen.innovation.contracts.funding.v1.ScheduledTranche;
import cn.jiangmen.innovation.contracts.funding.v1.TrancheDecision;
import cn.jiangmen.innovation.contracts.funding.v1.TrancheState;
import cn.jiangmen.innovation.funding.application.AwardCommitments;
import cn.jiangmen.innovation.funding.application.TrancheCommands;
import cn.jiangmen.innovation.funding.domain.CommitAward;
import cn.jiangmen.innovation.funding.domain.Tranche;
import cn.jiangmen.innovation.platform.error.InvalidInputException;
import cn.jiangmen.innovation.platform.security.Callers;
import io.grpc.stub.StreamObserver;

import org.springframework.stereotype.Service;

/**
 * gRPC face of funding-service: owning services commit awards; finance prepares and decides
 * tranches. The read side and budgets live in their own adapters ({@link AwardRpcs},
 * {@link BudgetRpcs}), this class only delegates to them.
 */
@Service
class FundingGrpcService extends FundingServiceGrpc.FundingServiceImplBase {

	private final AwardCommitments commitments;

	private final TrancheCommands tranches;

	private final BudgetRpcs budgets;

	private final AwardRpcs awards;

	FundingGrpcService(AwardCommitments commitments, TrancheCommands tranches, BudgetRpcs budgets, AwardRpcs awards) {
		this.commitments = commitments;
		this.tranches = tranches;
		this.budgets = budgets;
		this.awards = awards;
	}

	@Override
	public void listTranches(ListTranchesRequest request, StreamObserver<ListTranchesResponse> responseObserver) {
		reply(responseObserver, this.awards.tranches(request));
	}

	@Override
	public void getAward(GetAwardRequest request, StreamObserver<GetAwardResponse> responseObserver) {
		reply(responseObserver, this.awards.award(request));
	}

	@Override
	public void listAwards(ListAwardsRequest request, StreamObserver<ListAwardsResponse> responseObserver) {
		reply(responseObserver, this.awards.awards(request));
	}

	@Override
	public void listBudgets(ListBudgetsRequest request, StreamObserver<ListBudgetsResponse> responseObserver) {
		reply(responseObserver, this.budgets.list(request));
	}

	@Override
	public void openBudgetLine(OpenBudgetLineRequest request, StreamObserver<OpenBudgetLineResponse> responseObserver) {
		reply(responseObserver, this.budgets.open(request));
	}

	@Override
	public void prepareBudgetRaise(PrepareBudgetRaiseRequest request,
			StreamObserver<PrepareBudgetRaiseResponse> responseObserver) {
		reply(responseObserver, this.budgets.prepare(request));
	}

	@Override
	public void decideBudgetRaise(DecideBudgetRaiseRequest request,
			StreamObserver<DecideBudgetRaiseResponse> responseObserver) {
		reply(responseObserver, this.budgets.decide(request));
	}

	@Override
	public void listBudgetRaises(ListBudgetRaisesRequest request,
			StreamObserver<ListBudgetRaisesResponse> responseObserver) {
		reply(responseObserver, this.budgets.raises(request));
	}

	private static <T> void reply(StreamObserver<T> observer, T response) {
		observer.onNext(response);
		observer.onCompleted();
	}

	@Override
	public void commitAward(CommitAwardRequest request, StreamObserver<CommitAwardResponse> responseObserver) {
		AwardCommitments.Committed committed = this.commitments.commit(Callers.current(),
				() -> CommitAward.of(request.getIdempotencyKey(), request.getBudgetCode(), request.getFiscalYear(),
						request.getAwardReference(), request.getRecipientOrganisationId(),
						request.hasAmount() ? request.getAmount().getCurrencyCode() : null,
						request.hasAmount() ? request.getAmount().getMinorUnits() : null, request.getProjectId(),
						request.getTranchesList()
							.stream()
							.map(t -> new CommitAward.RawTranche(t.getMilestoneId(),
									t.hasAmount() ? t.getAmount().getCurrencyCode() : null,
									t.hasAmount() ? t.getAmount().getMinorUnits() : null, t.getPlannedDate()))
							.toList()));
		responseObserver.onNext(CommitAwardResponse.newBuilder()
			.setCommitmentId(committed.commitment().id().toString())
			.setState(CommitmentState.valueOf("COMMITMENT_STATE_" + committed.commitment().state().name()))
			.addAllTranches(committed.tranches().stream().map(FundingGrpcService::tranche).toList())
			.build());
		responseObserver.onCompleted();
	}

	@Override
	public void prepareTranche(PrepareTrancheRequest request, StreamObserver<PrepareTrancheResponse> responseObserver) {
		Tranche prepared = this.tranches.prepare(Callers.current(), request.getIdempotencyKey(), "idempotency_key",
				request.getTrancheId());
		responseObserver.onNext(PrepareTrancheResponse.newBuilder().setTranche(tranche(prepared)).build());
		responseObserver.onCompleted();
	}

	@Override
	public void decideTranche(DecideTrancheRequest request, StreamObserver<DecideTrancheResponse> responseObserver) {
		if (request.getDecision() == TrancheDecision.TRANCHE_DECISION_UNSPECIFIED
				|| request.getDecision() == TrancheDecision.UNRECOGNIZED) {
			throw new InvalidInputException("decision", "required", "must be APPROVE or REJECT");
		}
		Tranche decided = this.tranches.decide(Callers.current(), request.getIdempotencyKey(), "idempotency_key",
				request.getTrancheId(), request.getDecision() == TrancheDecision.TRANCHE_DECISION_APPROVE,
				request.getReason());
		responseObserver.onNext(DecideTrancheResponse.newBuilder().setTranche(tranche(decided)).build());
		responseObserver.onCompleted();
	}

	static ScheduledTranche tranche(Tranche t) {
		return ScheduledTranche.newBuilder()
			.setTrancheId(t.id().toString())
			.setSequence(t.sequence())
			.setMilestoneId(t.milestoneId() == null ? "" : t.milestoneId().toString())
			.setAmount(Money.newBuilder().setCurrencyCode(CommitAward.CURRENCY).setMinorUnits(t.amountMinor()))
			.setPlannedDate(t.plannedDate().toString())
			.setState(TrancheState.valueOf("TRANCHE_STATE_" + t.state().name()))
			.build();
	}

	static List<ScheduledTranche> tranches(List<Tranche> tranches) {
		return tranches.stream().map(FundingGrpcService::tranche).toList();
	}

}
