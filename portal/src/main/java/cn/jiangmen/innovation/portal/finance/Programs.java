package cn.jiangmen.innovation.portal.finance;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;

/**
 * Program codes of budget lines are reference data in funding-service (a manager can add a field);
 * the portal names the standing ones in both languages and shows any other code as it is.
 */
final class Programs {

	/** The programs of the city's plan that every year has a line for. */
	static final List<String> STANDING = List.of("talent", "major-projects", "vouchers", "post-subsidies",
			"interest-subsidies");

	private Programs() {
	}

	static String name(MessageSource messages, String code, Locale locale) {
		return messages.getMessage("finance.program." + code, null, code, locale);
	}

}
