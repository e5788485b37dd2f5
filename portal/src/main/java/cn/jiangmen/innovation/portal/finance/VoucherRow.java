package cn.jiangmen.innovation.portal.finance;

import java.util.Locale;
import java.util.Map;

import cn.jiangmen.innovation.contracts.funding.v1.Voucher;

/**
 * One innovation voucher (科技创新券) as the voucher pages show it: names from the organisation
 * directory, amounts in yuan, the state as a message-key suffix.
 *
 * @param ownWork the viewer prepared its settlement: they may not approve it (四眼原则)
 */
public record VoucherRow(String id, String enterprise, String provider, int fiscalYear, String face, int sharePercent,
		String expiresOn, String state, String contractReference, String redeemed, String evidence,
		String preparedBy, boolean ownWork) {

	static VoucherRow of(Voucher v, Map<String, String> names) {
		return new VoucherRow(v.getVoucherId(), Beneficiaries.pick(names, v.getEnterpriseId(), ""),
				v.getProviderId().isEmpty() ? "" : Beneficiaries.pick(names, v.getProviderId(), ""), v.getFiscalYear(),
				Yuan.format(v.getFace()), v.getSharePercent(), v.getExpiresOn(), state(v), v.getContractReference(),
				v.hasRedeemed() ? Yuan.format(v.getRedeemed()) : "", v.getEvidenceReference(),
				v.getSettlementPreparedBy(), v.getSettlementPreparedByCaller());
	}

	/** VOUCHER_STATE_SETTLEMENT_PREPARED becomes settlement-prepared. */
	static String state(Voucher v) {
		return v.getState().name().substring("VOUCHER_STATE_".length()).toLowerCase(Locale.ROOT).replace('_', '-');
	}

	/** Redeemed, not yet settled: a finance officer may prepare the settlement. */
	public boolean awaitingSettlement() {
		return "redeemed".equals(this.state);
	}

	public boolean settlementPrepared() {
		return "settlement-prepared".equals(this.state);
	}

}
