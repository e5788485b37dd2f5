package cn.jiangmen.innovation.portal.project.manage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import cn.jiangmen.innovation.contracts.project.v1.PriorityField;

/**
 * The priority fields' names in the page's language, by code, as project-service keeps them (the
 * admin may have added or renamed one, so they are not in the message bundles).
 */
final class FieldLabels {

	private FieldLabels() {
	}

	static Map<String, String> of(List<PriorityField> fields, Locale locale) {
		boolean english = "en".equals(locale.getLanguage());
		Map<String, String> names = new LinkedHashMap<>();
		fields.forEach(f -> names.put(f.getCode(), english ? f.getNameEn() : f.getNameZh()));
		return names;
	}

}
