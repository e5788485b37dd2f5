package cn.jiangmen.innovation.portal.talent;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Message keys for what talent-service names: a field ({@code team[2].birthDate} becomes
 * {@code talent.field.team.birthDate} with the row number) and a reason code
 * ({@code credit-code.check-digit} becomes {@code talent.error.credit-code.check-digit}).
 */
public record Messages(String fieldKey, Integer row, String codeKey) {

	private static final Pattern ROW = Pattern.compile("team\\[(\\d+)]\\.?(.*)");

	public static Messages of(String field, String code) {
		Matcher matcher = ROW.matcher(field == null ? "" : field);
		String fieldKey;
		Integer row = null;
		if (matcher.matches()) {
			row = Integer.parseInt(matcher.group(1)) + 1;
			fieldKey = "talent.field.team" + (matcher.group(2).isEmpty() ? "" : "." + matcher.group(2));
		}
		else {
			fieldKey = "talent.field." + (field == null || field.isEmpty() ? "form" : field);
		}
		return new Messages(fieldKey, row, "talent.error." + code);
	}

}
