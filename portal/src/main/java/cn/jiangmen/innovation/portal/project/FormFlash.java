package cn.jiangmen.innovation.portal.project;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.jiangmen.innovation.portal.web.Rejected;

import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What a failed POST of a project form hands to the page its redirect lands on (POST-redirect-GET,
 * flash attributes in the portal's signed cookie): the parameters as typed and the reasons. The
 * proposal form sends only the refused fields (the rest is stored by the partial save); the small
 * report and change forms send all they had.
 *
 * @param typed the parameters as typed, by input name
 * @param violations what was refused
 */
record FormFlash(Map<String, String> typed, List<Rejected.Violation> violations) {

	static final String TYPED = "projectFormTyped";

	static final String VIOLATIONS = "projectFormViolations";

	/** Only the refused fields of {@code params}. */
	static FormFlash refused(MultiValueMap<String, String> params, List<Rejected.Violation> violations) {
		Map<String, String> typed = new LinkedHashMap<>();
		for (Rejected.Violation v : violations) {
			String value = v.field() == null ? null : params.getFirst(v.field());
			if (value != null) {
				typed.put(v.field(), value);
			}
		}
		return new FormFlash(typed, violations);
	}

	/** Every parameter of a small form but the CSRF token. */
	static FormFlash all(MultiValueMap<String, String> params, List<Rejected.Violation> violations) {
		Map<String, String> typed = new LinkedHashMap<>();
		params.forEach((name, values) -> {
			if (!name.startsWith("_csrf") && !values.isEmpty()) {
				typed.put(name, values.get(0));
			}
		});
		return new FormFlash(typed, violations);
	}

	void flash(RedirectAttributes redirect) {
		redirect.addFlashAttribute(TYPED, this.typed);
		List<List<String>> pairs = new ArrayList<>();
		this.violations.forEach(v -> pairs.add(List.of(v.field() == null ? "" : v.field(),
				v.reason() == null ? "" : v.reason())));
		redirect.addFlashAttribute(VIOLATIONS, pairs);
	}

	/** What the redirect brought (JSON types: a map of strings, a list of pairs), or null. */
	static FormFlash from(Model model) {
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
		return new FormFlash(typed, violations);
	}

	/** {@code base} with the typed values laid over it. */
	MultiValueMap<String, String> over(MultiValueMap<String, String> base) {
		MultiValueMap<String, String> merged = new LinkedMultiValueMap<>(base);
		this.typed.forEach(merged::set);
		return merged;
	}

}
