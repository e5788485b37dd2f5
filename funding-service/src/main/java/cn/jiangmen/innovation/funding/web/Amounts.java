package cn.jiangmen.innovation.funding.web;

import java.util.ArrayList;
import java.util.List;

import cn.jiangmen.innovation.funding.domain.CnyAmount;
import cn.jiangmen.innovation.platform.error.FieldViolation;
import cn.jiangmen.innovation.platform.error.InvalidInputException;

/** A REST amount in yuan beside its currency, refused naming the field before anything else happens. */
final class Amounts {

	private Amounts() {
	}

	static long fen(String yuan, String currency, String field) {
		List<FieldViolation> violations = new ArrayList<>();
		long minor = CnyAmount.ofYuan(yuan, currency, field, violations);
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		return minor;
	}

}
