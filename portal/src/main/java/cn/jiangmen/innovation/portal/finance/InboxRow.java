package cn.jiangmen.innovation.portal.finance;

import java.util.ArrayList;
import java.util.List;

import cn.jiangmen.innovation.contracts.funding.v1.QueuedTranche;

/**
 * One tranche of finance's inbox as the page, the CSV and the XLSX show it.
 *
 * @param trancheId the tranche
 * @param awardReference the award in the owning service
 * @param beneficiary the organisation's name, or its id when the award came without a name
 * @param program program code
 * @param fiscalYear budget year
 * @param sequence the tranche's place in its schedule (1, 2, ...)
 * @param milestone whether a project milestone's acceptance releases it (else a yearly instalment)
 * @param amount yuan, formatted
 * @param plannedDate yyyy-MM-dd
 * @param preparedBy the maker's username, "" while scheduled
 * @param decidedBy the checker's username, "" until decided
 * @param reason why it was rejected, "" otherwise
 * @param ownWork the viewer prepared it: they may not decide it (四眼原则)
 */
public record InboxRow(String trancheId, String awardReference, String beneficiary, String program, int fiscalYear,
		int sequence, boolean milestone, String amount, java.math.BigDecimal amountYuan, String plannedDate,
		String preparedBy, String decidedBy, String reason, boolean ownWork) {

	static InboxRow of(QueuedTranche q) {
		return of(q, java.util.Map.of());
	}

	/** With the beneficiary's name from the organisation directory where it knows the organisation. */
	static InboxRow of(QueuedTranche q, java.util.Map<String, String> names) {
		return new InboxRow(q.getTranche().getTrancheId(), q.getAwardReference(),
				Beneficiaries.pick(names, q.getRecipientOrganisationId(), q.getRecipientOrganisationName()),
				q.getProgramCode(), q.getFiscalYear(), q.getTranche().getSequence(), !q.getTranche().getMilestoneId().isEmpty(),
				Yuan.format(q.getTranche().getAmount()), Yuan.decimal(q.getTranche().getAmount()),
				q.getTranche().getPlannedDate(), q.getPreparedBy(), q.getDecidedBy(), q.getDecisionReason(),
				q.getPreparedByCaller());
	}

	/** Columns of the exports, in the order of {@link #cells}. */
	static final List<String> COLUMNS = List.of("award", "beneficiary", "program", "year", "sequence", "kind", "amount",
			"planned", "maker", "checker", "reason");

	List<Object> cells(String kind) {
		List<Object> cells = new ArrayList<>();
		cells.add(this.awardReference);
		cells.add(this.beneficiary);
		cells.add(this.program);
		cells.add(this.fiscalYear);
		cells.add(this.sequence);
		cells.add(kind);
		cells.add(this.amountYuan);
		cells.add(this.plannedDate);
		cells.add(this.preparedBy);
		cells.add(this.decidedBy);
		cells.add(this.reason);
		return cells;
	}

}
