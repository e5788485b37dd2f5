package cn.jiangmen.innovation.funding.domain.instrument;

import java.util.ArrayList;
import java.util.List;

import cn.jiangmen.innovation.platform.error.FieldViolation;
import cn.jiangmen.innovation.platform.error.InvalidInputException;

/**
 * The loan interest subsidy rules (贷款贴息) of one fiscal year: the program pays a share of the
 * interest that accrued in the year (ACT/365 Fixed, see {@code LoanInterest}), up to a yearly cap
 * per enterprise over all its claims.
 *
 * @param programCode the budget line the subsidies are committed from (e.g. {@code interest-subsidies})
 * @param sharePercent the share of the interest paid (e.g. 50)
 * @param perEnterpriseCapMinor what one enterprise may receive in the year, in fen
 */
public record InterestSubsidyRules(String programCode, int sharePercent, long perEnterpriseCapMinor) {

	public static InterestSubsidyRules of(String programCode, Integer sharePercent, long capMinor,
			List<FieldViolation> capViolations) {
		List<FieldViolation> violations = new ArrayList<>(capViolations);
		String program = Rules.programCode(programCode, violations);
		if (sharePercent == null || sharePercent < 1 || sharePercent > 100) {
			violations.add(new FieldViolation("sharePercent", "out-of-range", "must be a whole percentage from 1 to 100"));
		}
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		return new InterestSubsidyRules(program, sharePercent, capMinor);
	}

}
