package cn.jiangmen.innovation.project.application;

import java.util.List;

import cn.jiangmen.innovation.project.domain.Approval;

/**
 * The outbox payload of an approved project's award to funding-service
 * ({@code FundingService.CommitAward}): the budget line, the recipient and one tranche per
 * milestone (its id, amount in fen, planned date = the milestone's due date).
 */
public record AwardCommitmentPayload(String projectId, String budgetCode, int fiscalYear,
		String recipientOrganisationId, long amountFen, List<Tranche> tranches) {

	/** The outbox destination of the message. */
	public static final String DESTINATION = "funding.CommitAward";

	public record Tranche(String milestoneId, long amountFen, String plannedDate) {
	}

	public AwardCommitmentPayload {
		tranches = List.copyOf(tranches);
	}

	/** Stable per project, so funding commits the award once however often the relay retries. */
	public static String keyOf(Approval.ApprovedProject project) {
		return "project-award:" + project.id();
	}

	static AwardCommitmentPayload of(Approval.ApprovedProject project, String budgetCode, int fiscalYear) {
		return new AwardCommitmentPayload(project.id().toString(), budgetCode, fiscalYear,
				project.organisationId().toString(), project.approvedFiscalFen(),
				project.milestones()
					.stream()
					.map(m -> new Tranche(m.id().toString(), m.trancheFen(),
							m.dueDate() == null ? null : m.dueDate().toString()))
					.toList());
	}

}
