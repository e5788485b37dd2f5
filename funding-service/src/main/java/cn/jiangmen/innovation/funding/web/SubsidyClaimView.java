package cn.jiangmen.innovation.funding.web;

import cn.jiangmen.innovation.funding.domain.CnyAmount;
import cn.jiangmen.innovation.funding.domain.subsidy.InterestSubsidyEvidence;
import cn.jiangmen.innovation.funding.domain.subsidy.PostSubsidyEvidence;
import cn.jiangmen.innovation.funding.domain.subsidy.SubsidyClaim;

/**
 * A subsidy claim as the REST API shows it: the amount in fen and as yuan text, the evidence of its
 * instrument (for an interest subsidy also the interest and share computed), people by username.
 */
public record SubsidyClaimView(String claimId, String instrument, String organisationId, int fiscalYear,
		String programCode, long amountMinor, String amountYuan, String currencyCode, String state,
		PostSubsidyEvidence postSubsidy, InterestView interestSubsidy, String submittedBy, String reviewedBy,
		String reviewReason, String preparedBy, String decidedBy, String decisionReason) {

	/** The loan and what was computed from it, in yuan text beside fen. */
	public record InterestView(InterestSubsidyEvidence evidence, String interestYuan, String shareYuan) {
	}

	static SubsidyClaimView of(SubsidyClaim c) {
		InterestSubsidyEvidence interest = c.interestSubsidy();
		return new SubsidyClaimView(c.id().toString(), c.instrument().name(), c.organisationId().toString(),
				c.fiscalYear(), c.programCode(), c.amountMinor(), CnyAmount.yuan(c.amountMinor()), "CNY", c.state().name(),
				c.postSubsidy(),
				interest == null ? null
						: new InterestView(interest, CnyAmount.yuan(interest.interestMinor()),
								CnyAmount.yuan(interest.shareMinor())),
				c.submittedBy().username(), c.review() == null ? null : c.review().by().username(),
				c.review() == null ? null : c.review().reason(), c.preparedBy() == null ? null : c.preparedBy().username(),
				c.payment() == null ? null : c.payment().by().username(), c.payment() == null ? null : c.payment().reason());
	}

}
