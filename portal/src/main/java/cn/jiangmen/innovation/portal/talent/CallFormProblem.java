package cn.jiangmen.innovation.portal.talent;

import cn.jiangmen.innovation.portal.web.FieldErrors;

/**
 * How the call form's error summary names a field: a category's rule carries the category
 * ({@code cat-LEADING_TALENT-maxLeaderAge} is "领军人才: 负责人年龄上限"), the rest is
 * {@code talent.call.field.<input id>}.
 */
final class CallFormProblem {

	private CallFormProblem() {
	}

	static FieldErrors.Error label(FieldErrors.Error error) {
		String id = error.field();
		if (id.startsWith("cat-")) {
			String rest = id.substring("cat-".length());
			int dash = rest.indexOf('-');
			return error.labelled("talent.call.field." + (dash < 0 ? "category" : rest.substring(dash + 1)),
					"talent.category." + (dash < 0 ? rest : rest.substring(0, dash)));
		}
		return error.labelled(id.isEmpty() ? null : "talent.call.field." + id, null);
	}

}
