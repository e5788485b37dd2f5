package cn.jiangmen.innovation.funding.domain.payment;

/**
 * The accounts a payment passes through after the payable (应付): sent to the bank it is in
 * transit (在途); the bank's confirmation moves it to the budget's paid account (已拨付) or, when
 * refused, a reversing transfer returns it to the payable. Repaid recoveries arrive from the bank.
 */
public final class PaymentAccounts {

	/** money in files the bank holds and has not answered for */
	public static final String IN_TRANSIT = "bank/in-transit/CNY";

	/** the outside world that repays recoveries into the bureau's account, as the treasury is for budgets */
	public static final String RECEIPTS = "bank/receipts/CNY";

	private PaymentAccounts() {
	}

}
