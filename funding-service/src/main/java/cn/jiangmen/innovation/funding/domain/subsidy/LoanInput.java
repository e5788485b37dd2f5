package cn.jiangmen.innovation.funding.domain.subsidy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import cn.jiangmen.innovation.funding.domain.CnyAmount;
import cn.jiangmen.innovation.platform.error.FieldViolation;
import cn.jiangmen.innovation.platform.error.InvalidInputException;

/**
 * Checks a loan as an enterprise states it for an interest-subsidy claim, naming each bad field:
 * the rate in percent (more than 0, at most 24, at most four decimals), repayment dates after the
 * drawdown and in order, repayments summing to at most the principal.
 */
public final class LoanInput {

	/** 24 % p.a.: far above any bank loan's rate; above it the input is a typo (2435 for 4.35). */
	static final BigDecimal MAX_RATE_PERCENT = BigDecimal.valueOf(24);

	private LoanInput() {
	}

	/** A repayment as sent: date text and fen (checked by the adapter with {@link CnyAmount}). */
	public record RawRepayment(String date, long principalMinor) {
	}

	public static LoanInterest.Loan check(long principalMinor, String ratePercent, String drawdown,
			List<RawRepayment> repayments, String repaymentsField, List<FieldViolation> amountViolations) {
		List<FieldViolation> violations = new ArrayList<>(amountViolations);
		BigDecimal rate = rate(ratePercent, violations);
		LocalDate drawn = date(drawdown, "drawdownDate", violations);
		List<LoanInterest.Repayment> schedule = new ArrayList<>();
		LocalDate previous = drawn;
		long repaid = 0;
		for (int i = 0; i < repayments.size(); i++) {
			String field = repaymentsField + "[" + i + "]";
			RawRepayment raw = repayments.get(i);
			LocalDate date = date(raw.date(), field + ".date", violations);
			if (date != null && previous != null && !date.isAfter(previous)) {
				violations.add(new FieldViolation(field + ".date", "date.not-after-previous",
						"must be after the drawdown and after the repayment before it"));
			}
			if (raw.principalMinor() <= 0) {
				violations.add(new FieldViolation(field + ".principal", "amount.not-positive", "must be positive"));
			}
			repaid += Math.max(0, raw.principalMinor());
			if (date != null) {
				schedule.add(new LoanInterest.Repayment(date, raw.principalMinor()));
				previous = date;
			}
		}
		if (repaid > principalMinor && amountViolations.isEmpty()) {
			violations.add(new FieldViolation(repaymentsField, "repayments.exceed-principal",
					"must repay at most the principal in total"));
		}
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		return new LoanInterest.Loan(principalMinor, rate, drawn, schedule);
	}

	private static BigDecimal rate(String text, List<FieldViolation> violations) {
		BigDecimal rate;
		try {
			rate = new BigDecimal(text == null ? "" : text.strip());
		}
		catch (NumberFormatException ex) {
			violations.add(new FieldViolation("annualRatePercent", "rate.malformed",
					"must be the annual rate in percent, e.g. \"4.35\""));
			return null;
		}
		if (rate.signum() <= 0 || rate.compareTo(MAX_RATE_PERCENT) > 0 || rate.stripTrailingZeros().scale() > 4) {
			violations.add(new FieldViolation("annualRatePercent", "rate.out-of-range",
					"must be more than 0 and at most 24 (percent a year), with at most four decimals"));
			return null;
		}
		return rate;
	}

	private static LocalDate date(String text, String field, List<FieldViolation> violations) {
		if (text == null || text.isBlank()) {
			violations.add(new FieldViolation(field, "required", "must be given as yyyy-MM-dd"));
			return null;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			violations.add(new FieldViolation(field, "date.malformed", "must be a date as yyyy-MM-dd"));
			return null;
		}
	}

}
