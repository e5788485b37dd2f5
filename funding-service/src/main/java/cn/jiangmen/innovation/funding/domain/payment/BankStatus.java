package cn.jiangmen.innovation.funding.domain.payment;

/**
 * The bank's status of one credit transfer, as ISO 20022 pain.002 names them (ExternalTransactionStatus1Code):
 * accepted lines are paid, rejected ones go back to the queue. Intermediate codes (ACTC, PDNG) are
 * not final and are not taken.
 */
public enum BankStatus {

	/** AcceptedCustomerProfile: the bank accepted and executes the transfer */
	ACCP,
	/** AcceptedSettlementCompleted: the creditor's account was credited */
	ACSC,
	/** Rejected: the bank refused the line, with a reason */
	RJCT;

	public boolean paid() {
		return this != RJCT;
	}

}
