package cn.jiangmen.innovation.portal.finance;

import cn.jiangmen.innovation.contracts.funding.v1.GetVoucherAllowanceResponse;

/**
 * An enterprise's innovation vouchers of one fiscal year against its yearly cap, as funding keeps
 * them: what was issued (an expired voucher still counts), the cap of the year's rules and what
 * remains; cap and remaining are "" when no rules are set for the year.
 */
public record VoucherCap(String enterprise, int fiscalYear, int vouchers, String issued, String cap, String remaining) {

	static VoucherCap of(String enterprise, int vouchers, GetVoucherAllowanceResponse allowance) {
		return new VoucherCap(enterprise, allowance.getFiscalYear(), vouchers, Yuan.format(allowance.getIssued()),
				allowance.getRulesSet() ? Yuan.format(allowance.getCap()) : "",
				allowance.getRulesSet() ? Yuan.format(allowance.getRemaining()) : "");
	}

	public boolean rulesSet() {
		return !this.cap.isEmpty();
	}

}
