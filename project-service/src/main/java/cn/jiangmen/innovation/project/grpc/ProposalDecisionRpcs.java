package cn.jiangmen.innovation.project.grpc;

import java.util.ArrayList;
import java.util.List;

import cn.jiangmen.innovation.contracts.project.v1.ApproveProposalRequest;
import cn.jiangmen.innovation.contracts.project.v1.ApproveProposalResponse;
import cn.jiangmen.innovation.contracts.project.v1.DecideProposalFormalCheckRequest;
import cn.jiangmen.innovation.contracts.project.v1.MilestoneTranche;
import cn.jiangmen.innovation.contracts.project.v1.DecideProposalFormalCheckResponse;
import cn.jiangmen.innovation.contracts.project.v1.ProjectServiceGrpc;
import cn.jiangmen.innovation.contracts.project.v1.ProposalStatus;
import cn.jiangmen.innovation.contracts.project.v1.RecordProposalReviewOutcomeRequest;
import cn.jiangmen.innovation.contracts.project.v1.RecordProposalReviewOutcomeResponse;
import cn.jiangmen.innovation.platform.error.FieldViolation;
import cn.jiangmen.innovation.platform.grpc.ProtoTimes;
import cn.jiangmen.innovation.platform.security.Callers;
import cn.jiangmen.innovation.project.application.ProposalDecisions;
import cn.jiangmen.innovation.project.application.ProposalQueries;
import cn.jiangmen.innovation.project.domain.Proposal;
import cn.jiangmen.innovation.project.domain.ProposalId;
import cn.jiangmen.innovation.project.domain.Yuan;
import io.grpc.ServerServiceDefinition;

import org.springframework.stereotype.Component;

/** The bureau's decisions on proposals (formal check, review outcome, approval) as RPCs. */
@Component
class ProposalDecisionRpcs implements ProjectRpcGroup {

	private final ProposalDecisions decisions;

	private final ProposalQueries queries;

	ProposalDecisionRpcs(ProposalDecisions decisions, ProposalQueries queries) {
		this.decisions = decisions;
		this.queries = queries;
	}

	@Override
	public void bindTo(ServerServiceDefinition.Builder service) {
		ProjectRpcGroup.unary(service, ProjectServiceGrpc.getDecideProposalFormalCheckMethod(), this::formalCheck);
		ProjectRpcGroup.unary(service, ProjectServiceGrpc.getRecordProposalReviewOutcomeMethod(), this::recordReviewOutcome);
		ProjectRpcGroup.unary(service, ProjectServiceGrpc.getApproveProposalMethod(), this::approve);
	}

	DecideProposalFormalCheckResponse formalCheck(DecideProposalFormalCheckRequest request) {
		ProposalId id = ProposalId.parse(request.getProposalId(), "proposal_id");
		ProposalDecisions.FormalCheck decision = switch (request.getDecision()) {
			case FORMAL_CHECK_DECISION_PASS -> ProposalDecisions.FormalCheck.PASS;
			case FORMAL_CHECK_DECISION_RETURN -> ProposalDecisions.FormalCheck.RETURN;
			case FORMAL_CHECK_DECISION_REJECT -> ProposalDecisions.FormalCheck.REJECT;
			default -> null;
		};
		Proposal proposal = ProtoNames.renaming(() -> this.decisions.formalCheck(Callers.current(), id, decision,
				request.getReasonsList(), request.hasCorrectionDueAt()
						? ProtoTimes.instant(request.getCorrectionDueAt(), "correction_due_at") : null));
		return DecideProposalFormalCheckResponse.newBuilder()
			.setProposal(ProposalMessages.message(this.queries.details(proposal)))
			.build();
	}

	RecordProposalReviewOutcomeResponse recordReviewOutcome(RecordProposalReviewOutcomeRequest request) {
		ProposalId id = ProposalId.parse(request.getProposalId(), "proposal_id");
		Proposal.ReviewResult result = new Proposal.ReviewResult(request.getReviewItemId(), request.getRank(),
				request.getFinalScoreHundredths(), request.getPassedThresholds(),
				request.hasConfirmedAt() ? ProtoTimes.instant(request.getConfirmedAt(), "confirmed_at") : null);
		var status = ProtoNames.renaming(
				() -> this.decisions.recordReviewOutcome(Callers.current(), request.getIdempotencyKey(), id, result));
		return RecordProposalReviewOutcomeResponse.newBuilder()
			.setStatus(ProposalStatus.valueOf("PROPOSAL_STATUS_" + status.name()))
			.build();
	}

	ApproveProposalResponse approve(ApproveProposalRequest request) {
		ProposalId id = ProposalId.parse(request.getProposalId(), "proposal_id");
		List<FieldViolation> violations = new ArrayList<>();
		Long approved = request.hasApprovedFiscal() ? Yuan.ofFen(request.getApprovedFiscal().getCurrencyCode(),
				request.getApprovedFiscal().getMinorUnits(), "approvedFiscal", violations) : required(violations);
		// tranches by milestone index; a missing index stays null and is counted as missing
		List<Long> tranches = new ArrayList<>();
		for (int i = 0; i < request.getTranchesCount(); i++) {
			tranches.add(null);
		}
		for (int i = 0; i < request.getTranchesCount(); i++) {
			MilestoneTranche tranche = request.getTranches(i);
			int index = tranche.getMilestoneIndex();
			if (index < 0 || index >= tranches.size() || tranches.get(index) != null) {
				violations.add(new FieldViolation("tranches[" + i + "].milestoneIndex", "out-of-range",
						"must name each milestone of the work plan once"));
				continue;
			}
			long fen = tranche.getAmount().getMinorUnits();
			if (fen < 0 || !"CNY".equals(tranche.getAmount().getCurrencyCode())) {
				violations.add(new FieldViolation("tranches[" + i + "].amount", "amount.invalid",
						"must be zero or more fen in CNY"));
				continue;
			}
			tranches.set(index, fen);
		}
		Proposal proposal = ProtoNames.renaming(() -> this.decisions.approve(Callers.current(), id, approved, tranches,
				request.getNote(), violations));
		return ApproveProposalResponse.newBuilder()
			.setProposal(ProposalMessages.message(this.queries.details(proposal)))
			.setProjectId(proposal.projectId().toString())
			.build();
	}

	private static Long required(List<FieldViolation> violations) {
		violations.add(new FieldViolation("approvedFiscal", "required", "must be given in fen (CNY)"));
		return null;
	}

}
