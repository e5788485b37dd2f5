package cn.jiangmen.innovation.portal.project;

import java.time.ZoneId;
import java.time.ZonedDateTime;

import cn.jiangmen.innovation.contracts.project.v1.Proposal;
import cn.jiangmen.innovation.portal.finance.Yuan;
import cn.jiangmen.innovation.portal.web.ProtoEnums;

/**
 * A proposal in a list: the organisation's part in it (lead or partner), its status, and the project
 * once approved.
 *
 * @param submittedAt null while not submitted
 * @param projectId empty until approved (立项)
 */
public record ProposalRow(String id, String callId, String title, String status, boolean lead,
		String leadOrganisation, String totalYuan, String fiscalYuan, ZonedDateTime submittedAt, String projectId,
		boolean awaitingConfirmation) {

	/** @param organisation the caller's organisation (directory id), empty when the token names none */
	static ProposalRow of(Proposal p, ZoneId zone, String organisation) {
		boolean lead = p.getLeadOrganisationId().equals(organisation);
		return new ProposalRow(p.getProposalId(), p.getCallId(), p.getTitle(), ProtoEnums.code(p.getStatus()), lead,
				p.getLeadOrganisationName(), Yuan.format(p.getTotalBudget()), Yuan.format(p.getFiscalRequest()),
				p.hasSubmittedAt() ? CallView.at(p.getSubmittedAt(), zone) : null, p.getProjectId(),
				p.getConsortiumList().stream().anyMatch(m -> !m.getLead() && !m.hasConfirmedAt()));
	}

}
