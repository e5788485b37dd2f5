package cn.jiangmen.innovation.project.application;

import java.util.List;

import cn.jiangmen.innovation.project.domain.ProjectCall;
import cn.jiangmen.innovation.project.domain.Proposal;
import cn.jiangmen.innovation.project.domain.ProposalContent;

/**
 * The outbox payload of a proposal's hand-off to review-service (as talent's
 * {@code ReviewHandOffPayload}): the call's field to match experts and every organisation of the
 * consortium (ids for conflict detection, names shown to experts). Proposals name no people yet,
 * so no person keys are sent.
 */
public record ProposalReviewPayload(String proposalId, String title, List<String> fieldCodes,
		List<String> organisationIds, List<String> organisationNames, String submittedAt, String leaderPersonKey,
		List<String> memberPersonKeys) {

	/** Stable per proposal, so a resent hand-off opens the review once. */
	public static String keyOf(Proposal proposal) {
		return "project-proposal-review:" + proposal.id();
	}

	static ProposalReviewPayload of(Proposal proposal, ProjectCall call) {
		List<ProposalContent.Party> organisations = proposal.content().organisations();
		return new ProposalReviewPayload(proposal.id().toString(), proposal.content().title(),
				List.of(call.fieldCode()), organisations.stream().map(o -> o.organisationId().toString()).toList(),
				organisations.stream().map(o -> o.name() == null ? "" : o.name()).toList(),
				proposal.submittedAt() == null ? null : proposal.submittedAt().toString(), "", List.of());
	}

}
