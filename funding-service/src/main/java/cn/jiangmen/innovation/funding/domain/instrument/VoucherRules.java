package cn.jiangmen.innovation.funding.domain.instrument;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import cn.jiangmen.innovation.funding.domain.CnyAmount;
import cn.jiangmen.innovation.platform.error.FieldViolation;
import cn.jiangmen.innovation.platform.error.InvalidInputException;

/**
 * The innovation-voucher rules (科技创新券) of one fiscal year.
 *
 * @param programCode the budget line whose appropriation vouchers commit (e.g. {@code vouchers})
 * @param perEnterpriseCapMinor what one enterprise may be issued in the year, in fen
 * @param sharePercent the voucher pays at most this share of a service contract's price (e.g. 50)
 * @param expiresOn the last day a voucher of this year may be redeemed (Beijing date); unredeemed
 *     vouchers expire after it and their budget is released
 */
public record VoucherRules(String programCode, long perEnterpriseCapMinor, int sharePercent, LocalDate expiresOn) {

	public static VoucherRules of(String programCode, long capMinor, List<FieldViolation> capViolations,
			Integer sharePercent, String expiresOn) {
		List<FieldViolation> violations = new ArrayList<>(capViolations);
		String program = Rules.programCode(programCode, violations);
		if (sharePercent == null || sharePercent < 1 || sharePercent > 100) {
			violations.add(new FieldViolation("sharePercent", "out-of-range", "must be a whole percentage from 1 to 100"));
		}
		LocalDate until = Rules.date(expiresOn, "expiresOn", violations);
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		return new VoucherRules(program, capMinor, sharePercent, until);
	}

	public String capYuan() {
		return CnyAmount.yuan(this.perEnterpriseCapMinor);
	}

}
