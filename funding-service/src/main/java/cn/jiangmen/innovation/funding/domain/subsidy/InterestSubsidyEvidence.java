package cn.jiangmen.innovation.funding.domain.subsidy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What an interest-subsidy claim (贷款贴息) rests on: the loan contract and its schedule, and what
 * {@link LoanInterest} computed from it for the fiscal year (kept, so the payment can be checked).
 */
public record InterestSubsidyEvidence(String loanContract, String lender, long principalMinor,
		BigDecimal annualRatePercent, LocalDate drawdown, List<LoanInterest.Repayment> repayments, long interestMinor,
		int sharePercent, long shareMinor) {

	public LoanInterest.Loan loan() {
		return new LoanInterest.Loan(this.principalMinor, this.annualRatePercent, this.drawdown, this.repayments);
	}

}
