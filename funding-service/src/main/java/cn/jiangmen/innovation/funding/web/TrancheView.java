package cn.jiangmen.innovation.funding.web;

import cn.jiangmen.innovation.funding.domain.CnyAmount;
import cn.jiangmen.innovation.funding.domain.Tranche;

/** A tranche as the REST API shows it: amount in fen and as yuan text; who prepared and decided, by username. */
public record TrancheView(String trancheId, int sequence, String milestoneId, long amountMinor, String amountYuan,
		String currencyCode, String plannedDate, String state, String preparedBy, String decidedBy, String decisionReason) {

	static TrancheView of(Tranche t) {
		return new TrancheView(t.id().toString(), t.sequence(), t.milestoneId() == null ? null : t.milestoneId().toString(),
				t.amountMinor(), CnyAmount.yuan(t.amountMinor()), "CNY", t.plannedDate().toString(), t.state().name(),
				t.preparedBy() == null ? null : t.preparedBy().username(),
				t.decidedBy() == null ? null : t.decidedBy().username(), t.decisionReason());
	}

}
