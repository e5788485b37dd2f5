package cn.jiangmen.innovation.portal.talent;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.jiangmen.innovation.portal.web.Rejected;

/**
 * A rejected field or an eligibility finding of the application form, with the message keys the
 * page lists it by: the field ({@code team[2].birthDate} becomes {@code talent.field.team.birthDate}
 * in row 3) and the reason ({@code credit-code.check-digit} becomes
 * {@code talent.error.credit-code.check-digit}). The form's inputs carry no messages of their own:
 * team rows come and go, so the list names the row instead (see {@code FieldErrors} for forms
 * whose inputs are fixed).
 *
 * @param row the 1-based team row, or null for a field of the form itself
 */
public record Problem(String field, String code, String fieldKey, Integer row, String codeKey) {

	private static final Pattern ROW = Pattern.compile("team\\[(\\d+)]\\.?(.*)");

	static Problem of(String field, String code) {
		Matcher matcher = ROW.matcher(field == null ? "" : field);
		if (matcher.matches()) {
			String rest = matcher.group(2);
			return new Problem(field, code, "talent.field.team" + (rest.isEmpty() ? "" : "." + rest),
					Integer.parseInt(matcher.group(1)) + 1, "talent.error." + code);
		}
		return new Problem(field, code, "talent.field." + (field == null || field.isEmpty() ? "form" : field), null,
				"talent.error." + code);
	}

	static List<Problem> of(List<Rejected.Violation> violations) {
		return violations.stream().map(v -> of(v.field(), v.reason())).toList();
	}

}
