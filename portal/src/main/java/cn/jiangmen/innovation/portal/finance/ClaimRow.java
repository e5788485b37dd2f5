package cn.jiangmen.innovation.portal.finance;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import cn.jiangmen.innovation.contracts.funding.v1.SubsidyClaim;

/**
 * One subsidy claim (后补助 or 贷款贴息) as the finance inbox and the applicant's funding page show it.
 *
 * @param kind {@code post-subsidy} or {@code interest-subsidy}, a message-key suffix
 * @param organisation the claimant's name from the organisation directory, else its id
 * @param state {@code submitted}, {@code reviewed}, {@code payment-prepared}, {@code approved},
 *     {@code refused}, or {@code payment-rejected} (reviewed again after a rejected payment)
 * @param evidence the recognition document or the loan contract
 * @param submittedOn yyyy-MM-dd (UTC date of the instant funding recorded)
 * @param reason why the payment was rejected or the claim refused, "" otherwise
 * @param ownWork the viewer prepared the payment: they may not approve it (四眼原则)
 */
public record ClaimRow(String id, String kind, String organisation, int fiscalYear, String amount, String state,
		String evidence, String submittedOn, String preparedBy, String decidedBy, String reason, boolean ownWork) {

	static ClaimRow of(SubsidyClaim c, Map<String, String> names) {
		String kind = c.getKind().name().substring("SUBSIDY_KIND_".length()).toLowerCase(Locale.ROOT).replace('_', '-');
		String state = c.getPaymentRejected() ? "payment-rejected"
				: c.getState().name().substring("SUBSIDY_CLAIM_STATE_".length()).toLowerCase(Locale.ROOT).replace('_', '-');
		String reason = !c.getDecisionReason().isEmpty() && c.getPaymentRejected() ? c.getDecisionReason()
				: c.getReviewReason();
		return new ClaimRow(c.getClaimId(), kind, Beneficiaries.pick(names, c.getOrganisationId(), ""), c.getFiscalYear(),
				Yuan.format(c.getAmount()), state, c.getEvidenceReference(),
				c.getSubmittedAt().length() >= 10 ? c.getSubmittedAt().substring(0, 10) : c.getSubmittedAt(),
				c.getPreparedBy(), c.getDecidedBy(), reason, c.getPreparedByCaller());
	}

	static List<ClaimRow> of(List<SubsidyClaim> claims, Beneficiaries beneficiaries) {
		Map<String, String> names = beneficiaries
			.names(claims.stream().map(SubsidyClaim::getOrganisationId).distinct().toList());
		return claims.stream().map(c -> of(c, names)).toList();
	}

	/** Reviewed (amount committed), never prepared or rejected since: a finance officer may prepare it. */
	public boolean toPrepare() {
		return "reviewed".equals(this.state) || "payment-rejected".equals(this.state);
	}

	public boolean toApprove() {
		return "payment-prepared".equals(this.state);
	}

}
