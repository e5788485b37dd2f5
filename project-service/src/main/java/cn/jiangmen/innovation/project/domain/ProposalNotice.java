package cn.jiangmen.innovation.project.domain;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A decision notice (通知) to the consortium of a proposal: returned, rejected, approved. Every
 * organisation of the consortium reads it with the proposal.
 */
public record ProposalNotice(UUID id, ProposalId proposalId, ProposalStatus status, String text, Instant createdAt) {

	/** The notice a move to {@code proposal}'s status sends, if any. */
	public static Optional<ProposalNotice> of(Proposal proposal, Instant now) {
		String text = switch (proposal.status()) {
			case RETURNED -> "申报书形式审查退回修改 / Returned for correction: " + String.join("; ", proposal.returnReasons())
					+ (proposal.correctionDueAt() == null ? "" : " (due " + proposal.correctionDueAt() + ")");
			case REJECTED -> "申报书形式审查未通过 / Rejected at the formal check: " + proposal.rejectionReason();
			case UNDER_REVIEW -> "申报书通过形式审查，进入专家评审 / Passed the formal check; with the experts now";
			case APPROVED -> "项目已立项 / Approved: fiscal funding of " + Yuan.format(proposal.approvedFiscalFen())
					+ " yuan; project " + proposal.projectId() + (proposal.decisionNote() == null
							|| proposal.decisionNote().isEmpty() ? "" : ". " + proposal.decisionNote());
			default -> null;
		};
		return Optional.ofNullable(text)
			.map(t -> new ProposalNotice(UUID.randomUUID(), proposal.id(), proposal.status(), t, now));
	}

}
