package cn.jiangmen.innovation.portal.review;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import cn.jiangmen.innovation.portal.web.Rejected;

import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What a failed save of the expert profile hands to the page its redirect lands on
 * (POST-redirect-GET): the whole form as typed (it is saved as a whole, so nothing of it is stored)
 * and the reasons as review-service or the directory lookup named them. Flash attributes ride in a
 * signed cookie (the portal's {@code CookieFlashMapManager}), so only the form's own inputs travel.
 *
 * @param typed the form's inputs by name
 * @param violations the reasons, by the names review-service gave (the page renames them to its rows)
 */
record FailedProfile(MultiValueMap<String, String> typed, List<Rejected.Violation> violations) {

	static final String TYPED = "failedProfileTyped";

	static final String VIOLATIONS = "failedProfileViolations";

	/** The profile form's inputs; anything else a browser sends (the CSRF token) stays behind. */
	private static final Pattern INPUT = Pattern
		.compile("display_name|email|person_key|field|other_fields|(current|past|joint|relation)\\[\\d{1,2}]\\.\\w{1,20}");

	static FailedProfile of(MultiValueMap<String, String> params, List<Rejected.Violation> violations) {
		MultiValueMap<String, String> typed = new LinkedMultiValueMap<>();
		params.forEach((name, values) -> {
			if (INPUT.matcher(name).matches()) {
				typed.put(name, List.copyOf(values));
			}
		});
		return new FailedProfile(typed, violations);
	}

	void flash(RedirectAttributes redirect) {
		redirect.addFlashAttribute(TYPED, new LinkedHashMap<>(this.typed));
		List<List<String>> pairs = new ArrayList<>();
		this.violations.forEach(v -> pairs.add(List.of(v.field() == null ? "" : v.field(),
				v.reason() == null ? "" : v.reason())));
		redirect.addFlashAttribute(VIOLATIONS, pairs);
	}

	/** What the redirect brought (JSON types: a map of string lists, a list of pairs), or null. */
	static FailedProfile from(Model model) {
		if (!(model.getAttribute(VIOLATIONS) instanceof List<?> pairs)) {
			return null;
		}
		List<Rejected.Violation> violations = new ArrayList<>();
		for (Object pair : pairs) {
			if (pair instanceof List<?> p && p.size() == 2) {
				violations.add(new Rejected.Violation(String.valueOf(p.get(0)), String.valueOf(p.get(1))));
			}
		}
		MultiValueMap<String, String> typed = new LinkedMultiValueMap<>();
		if (model.getAttribute(TYPED) instanceof Map<?, ?> map) {
			map.forEach((name, values) -> {
				if (values instanceof List<?> list && INPUT.matcher(String.valueOf(name)).matches()) {
					list.forEach(v -> typed.add(String.valueOf(name), String.valueOf(v)));
				}
			});
		}
		return new FailedProfile(typed, violations);
	}

}
