package cn.jiangmen.innovation.portal.finance;

import java.util.Locale;
import java.util.Map;

import cn.jiangmen.innovation.contracts.funding.v1.Recovery;

/**
 * A recovery demand (追回) as finance's pages show it.
 *
 * @param id the recovery
 * @param awardReference the award it claims money back from (its commitment id when the award is not readable)
 * @param beneficiary the organisation's name from the directory, else its id
 * @param reason failed-acceptance or misconduct (message key suffix)
 * @param explanation what happened
 * @param amount yuan, formatted
 * @param method repayment or offset (message key suffix)
 * @param state raised, approved, rejected or settled (message key suffix)
 * @param raisedBy the maker's username
 * @param decidedBy the checker's username, "" until decided
 * @param decisionReason why it was rejected, ""
 * @param offsetTrancheId the tranche an offset was kept back from, ""
 * @param bankReference the bank's reference of a repayment, ""
 * @param ownWork the viewer raised it: they may not decide it (四眼原则)
 */
public record RecoveryRow(String id, String awardReference, String beneficiary, String reason, String explanation,
		String amount, String method, String state, String raisedBy, String decidedBy, String decisionReason,
		String offsetTrancheId, String bankReference, boolean ownWork) {

	static RecoveryRow of(Recovery r, Map<String, String> awardReferences, Map<String, String> names, String viewer) {
		return new RecoveryRow(r.getRecoveryId(), awardReferences.getOrDefault(r.getCommitmentId(), r.getCommitmentId()),
				Beneficiaries.pick(names, r.getOrganisationId(), ""), suffix(r.getReason().name(), "RECOVERY_REASON_"),
				r.getExplanation(), Yuan.format(r.getAmount()), suffix(r.getMethod().name(), "RECOVERY_METHOD_"),
				suffix(r.getState().name(), "RECOVERY_STATE_"), r.getRaisedBy(), r.getDecidedBy(), r.getDecisionReason(),
				r.getOffsetTrancheId(), r.getBankReference(), !viewer.isEmpty() && viewer.equals(r.getRaisedBy()));
	}

	private static String suffix(String name, String prefix) {
		return name.replace(prefix, "").replace('_', '-').toLowerCase(Locale.ROOT);
	}

	public boolean raised() {
		return "raised".equals(this.state);
	}

	/** Approved and paid back by the beneficiary: finance records the bank's confirmation. */
	public boolean awaitingRepayment() {
		return "approved".equals(this.state) && "repayment".equals(this.method);
	}

	/** Approved, to be kept back from the beneficiary's next tranche when it enters a batch. */
	public boolean awaitingOffset() {
		return "approved".equals(this.state) && "offset".equals(this.method);
	}

}
