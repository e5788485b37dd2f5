package cn.jiangmen.innovation.portal.finance;

import cn.jiangmen.innovation.contracts.funding.v1.BudgetRaiseState;
import cn.jiangmen.innovation.contracts.funding.v1.TrancheQueue;

/**
 * What waits for finance, for the home page: tranches to prepare, tranches to approve (not
 * counting the viewer's own, which they may not decide) and budget raises to decide.
 *
 * @param available false when funding-service did not answer: the home page says so instead of 0
 */
public record FinanceWork(boolean available, int toPrepare, int toApprove, int raisesToDecide) {

	public static FinanceWork of(FundingPortalClient funding, boolean officer, boolean approver) {
		try {
			int prepare = officer ? funding.queue(TrancheQueue.TRANCHE_QUEUE_TO_PREPARE).size() : 0;
			int approve = approver ? (int) funding.queue(TrancheQueue.TRANCHE_QUEUE_TO_APPROVE)
				.stream()
				.filter(t -> !t.getPreparedByCaller())
				.count() : 0;
			int raises = approver ? (int) funding.raises(BudgetRaiseState.BUDGET_RAISE_STATE_PREPARED)
				.stream()
				.filter(r -> !r.getPreparedByCaller())
				.count() : 0;
			return new FinanceWork(true, prepare, approve, raises);
		}
		catch (RuntimeException unavailable) {
			// the home page stays up when funding-service is down; the inbox itself shows the 503
			return new FinanceWork(false, 0, 0, 0);
		}
	}

}
