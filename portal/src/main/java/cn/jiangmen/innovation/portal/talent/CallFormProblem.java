package cn.jiangmen.innovation.portal.talent;

import java.util.List;

import cn.jiangmen.innovation.portal.web.FieldErrors;

/**
 * One line of the call form's error summary: a link to the input and the name of its field, which
 * for a category's rule carries the category ({@code cat-LEADING_TALENT-maxLeaderAge} is "领军人才:
 * 负责人年龄上限").
 *
 * @param inputId the input it belongs to ({@code ""}: the form as a whole)
 * @param labelKey message key naming the field; {@code {0}} is the category's name if any
 * @param category the category code the field belongs to, or null
 * @param error the problem, with its message keys
 */
public record CallFormProblem(String inputId, String labelKey, String category, FieldErrors.Error error) {

	static List<CallFormProblem> summary(FieldErrors errors) {
		return errors.all().stream().map(CallFormProblem::of).toList();
	}

	private static CallFormProblem of(FieldErrors.Error error) {
		String id = error.field();
		if (id.startsWith("cat-")) {
			String rest = id.substring("cat-".length());
			int dash = rest.indexOf('-');
			return new CallFormProblem(id, "talent.call.field." + (dash < 0 ? "category" : rest.substring(dash + 1)),
					dash < 0 ? rest : rest.substring(0, dash), error);
		}
		return new CallFormProblem(id, id.isEmpty() ? "talent.field.form" : "talent.call.field." + id, null, error);
	}

}
