package cn.jiangmen.innovation.funding.web;

import cn.jiangmen.innovation.funding.domain.CnyAmount;
import cn.jiangmen.innovation.funding.domain.voucher.Voucher;

/** A voucher as the REST API shows it: amounts in fen and as yuan text, people by username. */
public record VoucherView(String voucherId, String enterpriseId, int fiscalYear, String programCode, long faceMinor,
		String faceYuan, String currencyCode, int sharePercent, String expiresOn, String state, String providerId,
		String contractReference, String contractPriceYuan, String redeemedYuan, String evidenceReference,
		String issuedBy, String preparedBy, String decidedBy, String decisionReason) {

	static VoucherView of(Voucher v) {
		Voucher.Redemption r = v.redemption();
		Voucher.Settlement s = v.settlement();
		return new VoucherView(v.id().toString(), v.enterpriseId().toString(), v.fiscalYear(), v.programCode(),
				v.faceMinor(), CnyAmount.yuan(v.faceMinor()), "CNY", v.sharePercent(), v.expiresOn().toString(),
				v.state().name(), r == null ? null : r.providerId().toString(), r == null ? null : r.contractReference(),
				r == null ? null : CnyAmount.yuan(r.contractPriceMinor()),
				r == null ? null : CnyAmount.yuan(r.redeemedMinor()), s == null ? null : s.evidenceReference(),
				v.issuedBy().username(), s == null ? null : s.preparedBy().username(),
				s == null || s.decidedBy() == null ? null : s.decidedBy().username(), s == null ? null : s.decisionReason());
	}

}
