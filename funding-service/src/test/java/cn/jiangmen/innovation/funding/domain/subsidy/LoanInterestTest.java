package cn.jiangmen.innovation.funding.domain.subsidy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import cn.jiangmen.innovation.funding.domain.subsidy.LoanInterest.Loan;
import cn.jiangmen.innovation.funding.domain.subsidy.LoanInterest.Repayment;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Interest subsidies (贷款贴息) with hand-computed cases. ACT/365 Fixed: interest = outstanding ×
 * rate × days / 365, the drawdown day counted, the repayment day not; the claim period's interest
 * rounded once to the fen (half-up), the subsidy the share of it rounded once (half-up), then capped.
 * 3.65 % p.a. is used where it helps: it is exactly 0.01 % per day under ACT/365.
 */
class LoanInterestTest {

	static final LocalDate YEAR_START = LocalDate.parse("2026-01-01");

	static final LocalDate YEAR_END = LocalDate.parse("2027-01-01");

	@Test
	void aWholeYearWithoutRepayment() {
		// 1,000,000.00 yuan at 4.35 % from 2026-01-01, repaid 2027-01-01: 365 days in 2026
		// interest = 1,000,000.00 × 4.35 % × 365 / 365 = 43,500.00 yuan; 50 % = 21,750.00 yuan
		Loan loan = new Loan(100_000_000L, new BigDecimal("4.35"), YEAR_START,
				List.of(new Repayment(LocalDate.parse("2027-01-01"), 100_000_000L)));
		LoanInterest.Interest interest = LoanInterest.accrued(loan, YEAR_START, YEAR_END);
		assertThat(interest.segments()).singleElement().satisfies(s -> assertThat(s.days()).isEqualTo(365));
		assertThat(interest.interestMinor()).isEqualTo(4_350_000L);
		assertThat(LoanInterest.share(interest.interestMinor(), 50)).isEqualTo(2_175_000L);
		assertThat(LoanInterest.capped(2_175_000L, 10_000_000L, 0)).isEqualTo(2_175_000L);
	}

	@Test
	void aPartialRepaymentLowersTheInterestFromItsDayOn() {
		// 1,000,000.00 yuan at 3.65 % (0.01 % a day) drawn 2026-03-01; 400,000.00 repaid 2026-07-01, the rest 2027-03-01
		// 2026-03-01 .. 2026-07-01: 31 + 30 + 31 + 30 = 122 days × 1,000,000.00 × 0.01 % = 12,200.00
		// 2026-07-01 .. 2027-01-01: 31 + 31 + 30 + 31 + 30 + 31 = 184 days × 600,000.00 × 0.01 % = 11,040.00
		// interest in 2026 = 23,240.00 yuan; 50 % = 11,620.00 yuan
		Loan loan = new Loan(100_000_000L, new BigDecimal("3.65"), LocalDate.parse("2026-03-01"),
				List.of(new Repayment(LocalDate.parse("2026-07-01"), 40_000_000L),
						new Repayment(LocalDate.parse("2027-03-01"), 60_000_000L)));
		LoanInterest.Interest interest = LoanInterest.accrued(loan, YEAR_START, YEAR_END);
		assertThat(interest.segments()).extracting(LoanInterest.Segment::days).containsExactly(122L, 184L);
		assertThat(interest.segments()).extracting(LoanInterest.Segment::outstandingMinor)
			.containsExactly(100_000_000L, 60_000_000L);
		assertThat(interest.interestMinor()).isEqualTo(2_324_000L);
		assertThat(LoanInterest.share(interest.interestMinor(), 50)).isEqualTo(1_162_000L);
		// the 2027 claim of the same loan: 2027-01-01 .. 2027-03-01 = 31 + 28 = 59 days × 600,000.00 × 0.01 % = 3,540.00
		assertThat(LoanInterest.accrued(loan, YEAR_END, LocalDate.parse("2028-01-01")).interestMinor()).isEqualTo(354_000L);
	}

	@Test
	void theYearlyCapCutsTheSubsidy() {
		// 10,000,000.00 yuan at 3.65 % over 2026: 365 × 10,000,000.00 × 0.01 % = 365,000.00; 50 % = 182,500.00
		// the cap is 100,000.00 a year, of which 30,000.00 went to an earlier claim: 70,000.00 is paid
		Loan loan = new Loan(1_000_000_000L, new BigDecimal("3.65"), YEAR_START, List.of());
		long interest = LoanInterest.accrued(loan, YEAR_START, YEAR_END).interestMinor();
		assertThat(interest).isEqualTo(36_500_000L);
		long share = LoanInterest.share(interest, 50);
		assertThat(share).isEqualTo(18_250_000L);
		assertThat(LoanInterest.capped(share, 10_000_000L, 0)).isEqualTo(10_000_000L);
		assertThat(LoanInterest.capped(share, 10_000_000L, 3_000_000L)).isEqualTo(7_000_000L);
		assertThat(LoanInterest.capped(share, 10_000_000L, 10_000_000L)).isZero();
	}

	@Test
	void roundingHappensOnceAtTheEndHalfUp() {
		// 123,456.78 yuan at 4.35 % from 2026-02-15, repaid 2026-05-20: 14 (Feb) + 31 + 30 + 19 = 94 days
		// 12,345,678 fen × 94 × 4.35 / 36,500 = 138,305.417… fen -> 138,305 fen = 1,383.05 yuan
		// 50 % of 138,305 fen = 69,152.5 fen -> half-up 69,153 fen = 691.53 yuan
		Loan loan = new Loan(12_345_678L, new BigDecimal("4.35"), LocalDate.parse("2026-02-15"),
				List.of(new Repayment(LocalDate.parse("2026-05-20"), 12_345_678L)));
		LoanInterest.Interest interest = LoanInterest.accrued(loan, YEAR_START, YEAR_END);
		assertThat(interest.segments()).singleElement().satisfies(s -> assertThat(s.days()).isEqualTo(94));
		assertThat(interest.interestMinor()).isEqualTo(138_305L);
		assertThat(LoanInterest.share(interest.interestMinor(), 50)).isEqualTo(69_153L);
	}

	@Test
	void aLeapYearStillDividesBy365() {
		// ACT/365 Fixed: 1,000,000.00 yuan at 3.65 % over all of 2028 (366 days) = 36,600.00 yuan, not 36,500.00
		Loan loan = new Loan(100_000_000L, new BigDecimal("3.65"), LocalDate.parse("2028-01-01"), List.of());
		assertThat(LoanInterest.accrued(loan, LocalDate.parse("2028-01-01"), LocalDate.parse("2029-01-01")).interestMinor())
			.isEqualTo(3_660_000L);
	}

	@Test
	void nothingAccruesOutsideTheLoanOrThePeriod() {
		// drawn 2026-12-31 and repaid the next day: one day in 2026; 365,000.00 × 3.65 % / 365 = 36.50 yuan
		Loan loan = new Loan(36_500_000L, new BigDecimal("3.65"), LocalDate.parse("2026-12-31"),
				List.of(new Repayment(LocalDate.parse("2027-01-01"), 36_500_000L)));
		assertThat(LoanInterest.accrued(loan, YEAR_START, YEAR_END).interestMinor()).isEqualTo(3_650L);
		assertThat(LoanInterest.accrued(loan, YEAR_END, LocalDate.parse("2028-01-01")).segments()).isEmpty();
	}

}
