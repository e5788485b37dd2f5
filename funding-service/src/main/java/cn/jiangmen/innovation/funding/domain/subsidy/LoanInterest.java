package cn.jiangmen.innovation.funding.domain.subsidy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Interest on a loan (贷款贴息's base), day count <b>ACT/365 Fixed</b>: each day the outstanding
 * principal is lent costs {@code principal × annual rate / 365}, in leap years too (a loan over all
 * of 2028 pays 366/365 of the annual rate), as the People's Bank of China's rules for RMB loans
 * count it. A day is counted when the money was out at its start: the drawdown day counts, the
 * repayment day does not.
 *
 * <p>Rounding: the interest of the whole claim period is summed exactly and rounded <b>once</b>, at
 * the end, to the fen, half-up; the subsidy is the program's share of that rounded interest,
 * rounded once to the fen, half-up, and then cut to what is left of the enterprise's yearly cap.
 * Pure, so it is tested with hand-computed cases.
 */
public final class LoanInterest {

	/** 365: ACT/365 Fixed. */
	public static final int DAYS_IN_YEAR = 365;

	private LoanInterest() {
	}

	/** A repayment of principal on a date (还本). */
	public record Repayment(LocalDate date, long principalMinor) {

		public Repayment {
			Objects.requireNonNull(date, "date");
		}

	}

	/**
	 * The loan.
	 *
	 * @param principalMinor what was drawn, in fen
	 * @param annualRatePercent the annual rate in percent, e.g. 4.35 for 4.35 % p.a.
	 * @param drawdown the day the money was paid out (放款日)
	 * @param repayments principal repayments, in date order, after the drawdown, summing to at most the principal
	 */
	public record Loan(long principalMinor, BigDecimal annualRatePercent, LocalDate drawdown, List<Repayment> repayments) {

		public Loan {
			Objects.requireNonNull(annualRatePercent, "annualRatePercent");
			Objects.requireNonNull(drawdown, "drawdown");
			repayments = List.copyOf(repayments);
		}

	}

	/** One stretch of days with the same outstanding principal, inside the claim period. */
	/** {@code interestMinor} is shown to six decimals of a fen; the total is computed from the exact products. */
	public record Segment(LocalDate from, LocalDate until, long outstandingMinor, long days, BigDecimal interestMinor) {
	}

	/** The interest of the period, exact per segment and rounded once. */
	public record Interest(List<Segment> segments, long interestMinor) {
	}

	/** The interest accrued on days in [periodStart, periodEnd). */
	public static Interest accrued(Loan loan, LocalDate periodStart, LocalDate periodEnd) {
		List<Segment> segments = new ArrayList<>();
		// Σ outstanding × days × rate%, divided by 100 × 365 once at the end: no rounding before it
		BigDecimal denominator = BigDecimal.valueOf(100L * DAYS_IN_YEAR);
		long outstanding = loan.principalMinor();
		LocalDate from = loan.drawdown();
		BigDecimal numerator = BigDecimal.ZERO;
		List<Repayment> events = new ArrayList<>(loan.repayments());
		events.add(null);
		for (Repayment repayment : events) {
			LocalDate until = repayment == null ? periodEnd : repayment.date();
			LocalDate start = max(from, periodStart);
			LocalDate end = min(until, periodEnd);
			if (outstanding > 0 && start.isBefore(end)) {
				long days = ChronoUnit.DAYS.between(start, end);
				BigDecimal product = BigDecimal.valueOf(outstanding)
					.multiply(BigDecimal.valueOf(days))
					.multiply(loan.annualRatePercent());
				segments.add(new Segment(start, end, outstanding, days, product.divide(denominator, 6, RoundingMode.HALF_UP)));
				numerator = numerator.add(product);
			}
			if (repayment == null) {
				break;
			}
			outstanding -= repayment.principalMinor();
			from = repayment.date();
		}
		return new Interest(segments, numerator.divide(denominator, 0, RoundingMode.HALF_UP).longValueExact());
	}

	/** The program's share of the interest (percent), rounded once to the fen, half-up. */
	public static long share(long interestMinor, int sharePercent) {
		return BigDecimal.valueOf(interestMinor)
			.multiply(BigDecimal.valueOf(sharePercent))
			.divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP)
			.longValueExact();
	}

	/** What is paid: the share, cut to what is left of the yearly cap. */
	public static long capped(long shareMinor, long capMinor, long alreadyGrantedMinor) {
		return Math.max(0, Math.min(shareMinor, capMinor - alreadyGrantedMinor));
	}

	private static LocalDate max(LocalDate a, LocalDate b) {
		return a.isAfter(b) ? a : b;
	}

	private static LocalDate min(LocalDate a, LocalDate b) {
		return a.isBefore(b) ? a : b;
	}

}
