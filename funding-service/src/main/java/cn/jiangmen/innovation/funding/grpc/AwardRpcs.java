package cn.jiangmen.innovation.funding.grpc;

import java.util.List;

import cn.jiangmen.innovation.contracts.funding.v1.Award;
import cn.jiangmen.innovation.contracts.funding.v1.CommitmentState;
import cn.jiangmen.innovation.contracts.funding.v1.GetAwardRequest;
import cn.jiangmen.innovation.contracts.funding.v1.GetAwardResponse;
import cn.jiangmen.innovation.contracts.funding.v1.ListAwardsRequest;
import cn.jiangmen.innovation.contracts.funding.v1.ListAwardsResponse;
import cn.jiangmen.innovation.contracts.funding.v1.ListTranchesRequest;
import cn.jiangmen.innovation.contracts.funding.v1.ListTranchesResponse;
import cn.jiangmen.innovation.contracts.funding.v1.QueuedTranche;
import cn.jiangmen.innovation.funding.application.AwardQueries;
import cn.jiangmen.innovation.funding.domain.Commitment;
import cn.jiangmen.innovation.funding.domain.Tranche;
import cn.jiangmen.innovation.funding.domain.TrancheQueue;
import cn.jiangmen.innovation.platform.domain.Caller;
import cn.jiangmen.innovation.platform.paging.PageRequest;
import cn.jiangmen.innovation.platform.security.Callers;

import org.springframework.stereotype.Component;

/** The read side of awards over gRPC: finance's tranche queues, an award, an organisation's awards. */
@Component
class AwardRpcs {

	private final AwardQueries queries;

	AwardRpcs(AwardQueries queries) {
		this.queries = queries;
	}

	ListTranchesResponse tranches(ListTranchesRequest request) {
		PageRequest page = ListPages.of(request.getPageSize(), request.getPageToken());
		TrancheQueue queue = switch (request.getQueue()) {
			case TRANCHE_QUEUE_TO_PREPARE -> TrancheQueue.TO_PREPARE;
			case TRANCHE_QUEUE_TO_APPROVE -> TrancheQueue.TO_APPROVE;
			case TRANCHE_QUEUE_REJECTED -> TrancheQueue.REJECTED;
			case TRANCHE_QUEUE_TO_PAY -> TrancheQueue.TO_PAY;
			default -> null;
		};
		Caller caller = Callers.current();
		List<AwardQueries.QueuedTranche> found = this.queries.queue(caller, queue, page);
		return ListTranchesResponse.newBuilder()
			.addAllTranches(found.stream().map(q -> queued(q, caller)).toList())
			.setNextPageToken(page.nextToken(found.size()))
			.build();
	}

	GetAwardResponse award(GetAwardRequest request) {
		return GetAwardResponse.newBuilder()
			.setAward(award(this.queries.award(Callers.current(), request.getCommitmentId())))
			.build();
	}

	ListAwardsResponse awards(ListAwardsRequest request) {
		PageRequest page = ListPages.of(request.getPageSize(), request.getPageToken());
		List<AwardQueries.AwardSchedule> found = this.queries.awards(Callers.current(),
				request.getRecipientOrganisationId(), page);
		return ListAwardsResponse.newBuilder()
			.addAllAwards(found.stream().map(AwardRpcs::award).toList())
			.setNextPageToken(page.nextToken(found.size()))
			.build();
	}

	private static QueuedTranche queued(AwardQueries.QueuedTranche q, Caller caller) {
		Tranche t = q.tranche();
		Commitment award = q.award();
		return QueuedTranche.newBuilder()
			.setTranche(TrancheRpcs.tranche(t))
			.setCommitmentId(award.id().toString())
			.setAwardReference(award.awardReference())
			.setProgramCode(award.budget().programCode())
			.setFiscalYear(award.budget().fiscalYear())
			.setRecipientOrganisationId(award.recipientOrganisationId().toString())
			.setRecipientOrganisationName(q.beneficiaryName() == null ? "" : q.beneficiaryName())
			.setProjectId(award.projectId() == null ? "" : award.projectId().toString())
			.setPreparedBy(t.preparedBy() == null ? "" : t.preparedBy().username())
			.setDecidedBy(t.decidedBy() == null ? "" : t.decidedBy().username())
			.setDecisionReason(t.decisionReason() == null ? "" : t.decisionReason())
			.setPreparedByCaller(t.preparedBy() != null && t.preparedBy().subject().equals(caller.subject()))
			.build();
	}

	private static Award award(AwardQueries.AwardSchedule s) {
		Commitment a = s.award();
		return Award.newBuilder()
			.setCommitmentId(a.id().toString())
			.setAwardReference(a.awardReference())
			.setProgramCode(a.budget().programCode())
			.setFiscalYear(a.budget().fiscalYear())
			.setRecipientOrganisationId(a.recipientOrganisationId().toString())
			.setRecipientOrganisationName(s.beneficiaryName() == null ? "" : s.beneficiaryName())
			.setAmount(ListPages.fen(a.amountMinor()))
			.setReleased(ListPages.fen(s.releasedMinor()))
			.setPaid(ListPages.fen(s.paidMinor()))
			.addAllTranches(TrancheRpcs.tranches(s.tranches()))
			.setProjectId(a.projectId() == null ? "" : a.projectId().toString())
			.setState(CommitmentState.valueOf("COMMITMENT_STATE_" + a.state().name()))
			.build();
	}

}
