package cn.jiangmen.innovation.portal.finance;

/**
 * What the form raising a recovery (提出追回) holds between a failed submit and the page shown again.
 *
 * @param award commitment id
 * @param reason failed-acceptance or misconduct
 * @param explanation what happened
 * @param amount yuan as typed
 * @param method repayment or offset
 */
public record RecoveryForm(String award, String reason, String explanation, String amount, String method) {

	/**
	 * An award money could be claimed back from: paid on, with what was paid.
	 *
	 * @param commitmentId the award
	 * @param reference its reference in the owning service
	 * @param beneficiary the organisation's name
	 * @param paid yuan, formatted
	 */
	public record PaidAward(String commitmentId, String reference, String beneficiary, String paid) {
	}

}
