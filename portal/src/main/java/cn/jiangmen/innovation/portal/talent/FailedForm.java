package cn.jiangmen.innovation.portal.talent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.jiangmen.innovation.portal.web.Rejected;

import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What a failed POST of the application form hands to the page its redirect lands on
 * (POST-redirect-GET): the values typed in the refused fields and the service's reasons. Only the
 * refused fields travel (the rest is stored by the partial save) and never an identity document
 * number: flash attributes ride in a cookie.
 *
 * @param typed the refused fields as typed, by input name
 * @param violations what talent-service said about them
 */
record FailedForm(Map<String, String> typed, List<Rejected.Violation> violations) {

	static final String TYPED = "failedFormTyped";

	static final String VIOLATIONS = "failedFormViolations";

	static FailedForm of(MultiValueMap<String, String> params, List<Rejected.Violation> violations) {
		Map<String, String> typed = new LinkedHashMap<>();
		for (Rejected.Violation v : violations) {
			String value = v.field() == null ? null : params.getFirst(v.field());
			if (value != null && !v.field().endsWith("identityDocument")) {
				typed.put(v.field(), value);
			}
		}
		return new FailedForm(typed, violations);
	}

	void flash(RedirectAttributes redirect) {
		redirect.addFlashAttribute(TYPED, this.typed);
		List<List<String>> pairs = new ArrayList<>();
		this.violations.forEach(v -> pairs.add(List.of(v.field() == null ? "" : v.field(),
				v.reason() == null ? "" : v.reason())));
		redirect.addFlashAttribute(VIOLATIONS, pairs);
	}

	/** What the redirect brought (JSON types: a map of strings, a list of pairs), or null. */
	static FailedForm from(Model model) {
		if (!(model.getAttribute(VIOLATIONS) instanceof List<?> pairs)) {
			return null;
		}
		List<Rejected.Violation> violations = new ArrayList<>();
		for (Object pair : pairs) {
			if (pair instanceof List<?> p && p.size() == 2) {
				violations.add(new Rejected.Violation(String.valueOf(p.get(0)), String.valueOf(p.get(1))));
			}
		}
		Map<String, String> typed = new LinkedHashMap<>();
		if (model.getAttribute(TYPED) instanceof Map<?, ?> map) {
			map.forEach((k, v) -> typed.put(String.valueOf(k), String.valueOf(v)));
		}
		return new FailedForm(typed, violations);
	}

}
