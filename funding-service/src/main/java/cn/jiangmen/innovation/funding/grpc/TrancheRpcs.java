package cn.jiangmen.innovation.funding.grpc;

import java.util.List;

import cn.jiangmen.innovation.contracts.common.v1.Money;
import cn.jiangmen.innovation.contracts.funding.v1.CommitAwardRequest;
import cn.jiangmen.innovation.contracts.funding.v1.CommitAwardResponse;
import cn.jiangmen.innovation.contracts.funding.v1.CommitmentState;
import cn.jiangmen.innovation.contracts.funding.v1.DecideTrancheRequest;
import cn.jiangmen.innovation.contracts.funding.v1.DecideTrancheResponse;
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

import org.springframework.stereotype.Component;

/** Awards as tranche schedules and the four eyes on a tranche over gRPC: map, call one use case, map back. */
@Component
class TrancheRpcs {

	private final AwardCommitments commitments;

	private final TrancheCommands tranches;

	TrancheRpcs(AwardCommitments commitments, TrancheCommands tranches) {
		this.commitments = commitments;
		this.tranches = tranches;
	}

	CommitAwardResponse commit(CommitAwardRequest request) {
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
		return CommitAwardResponse.newBuilder()
			.setCommitmentId(committed.commitment().id().toString())
			.setState(CommitmentState.valueOf("COMMITMENT_STATE_" + committed.commitment().state().name()))
			.addAllTranches(tranches(committed.tranches()))
			.build();
	}

	PrepareTrancheResponse prepare(PrepareTrancheRequest request) {
		Tranche prepared = this.tranches.prepare(Callers.current(), request.getIdempotencyKey(), "idempotency_key",
				request.getTrancheId());
		return PrepareTrancheResponse.newBuilder().setTranche(tranche(prepared)).build();
	}

	DecideTrancheResponse decide(DecideTrancheRequest request) {
		if (request.getDecision() == TrancheDecision.TRANCHE_DECISION_UNSPECIFIED
				|| request.getDecision() == TrancheDecision.UNRECOGNIZED) {
			throw new InvalidInputException("decision", "required", "must be APPROVE or REJECT");
		}
		Tranche decided = this.tranches.decide(Callers.current(), request.getIdempotencyKey(), "idempotency_key",
				request.getTrancheId(), request.getDecision() == TrancheDecision.TRANCHE_DECISION_APPROVE,
				request.getReason());
		return DecideTrancheResponse.newBuilder().setTranche(tranche(decided)).build();
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
		return tranches.stream().map(TrancheRpcs::tranche).toList();
	}

}
