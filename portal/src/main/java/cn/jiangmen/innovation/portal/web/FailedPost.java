package cn.jiangmen.innovation.portal.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * POST-redirect-GET for every portal form: a POST that failed (fields rejected, a rule refused)
 * answers 303 to the form's own page and carries what was typed and what was wrong in the flash
 * cookie ({@link CookieFlashMapManager}), so a reload posts nothing again and the language switch
 * works there. The GET handler asks {@link #from(Model)} and shows the form as typed with the
 * error summary and the message next to each field ({@code fragments/form.html}).
 *
 * <p>
 * Only strings, lists and maps go into the flash (the cookie is JSON). The CSRF token and identity
 * document numbers never do; forms keep what they send small (the cookie holds ~3.6 KB, a larger
 * flash is dropped and the page shows what is stored).
 *
 * @param subject which form or row of the page failed (a page with several forms: the row's id, a
 * form's name), or {@code ""}
 * @param typed what was posted, by parameter name
 * @param violations the fields the service (or the portal's own parsing) named, as named there
 * @param refusal the message key of a refused rule, or null
 */
public record FailedPost(String subject, MultiValueMap<String, String> typed, List<Rejected.Violation> violations,
		String refusal) {

	static final String ATTRIBUTE = "failedPost";

	/** Never carried: the CSRF token is the page's own, identity numbers are not kept anywhere. */
	private static boolean carried(String name) {
		return !name.equals("_csrf") && !name.endsWith("identityDocument");
	}

	/** The fields a service rejected, with the posted form. */
	public static FailedPost rejected(MultiValueMap<String, String> params, List<Rejected.Violation> violations) {
		return new FailedPost("", params, violations, null);
	}

	/** A rule that said no (its message key), with the posted form. */
	public static FailedPost refused(MultiValueMap<String, String> params, String refusalKey) {
		return new FailedPost("", params, List.of(), refusalKey);
	}

	/** The same failure with a message key the page heads it with (or a refused rule's). */
	public FailedPost withRefusal(String key) {
		return new FailedPost(this.subject, this.typed, this.violations, key);
	}

	/** The same failure, filed under one form or row of the page. */
	public FailedPost about(String what) {
		return new FailedPost(what, this.typed, this.violations, this.refusal);
	}

	/**
	 * Puts this failure in the flash and answers {@code 303 See Other} to {@code page} (a path of
	 * the portal, with its query): the view name to return from the POST handler.
	 */
	public String redirect(String page, RedirectAttributes redirect) {
		Map<String, Object> flash = new LinkedHashMap<>();
		flash.put("subject", this.subject);
		Map<String, List<String>> typed = new LinkedHashMap<>();
		if (this.typed != null) {
			this.typed.forEach((name, values) -> {
				if (carried(name)) {
					typed.put(name, List.copyOf(values));
				}
			});
		}
		flash.put("typed", typed);
		flash.put("violations", this.violations.stream()
			.map(v -> List.of(v.field() == null ? "" : v.field(), v.reason() == null ? "" : v.reason()))
			.toList());
		if (this.refusal != null) {
			flash.put("refusal", this.refusal);
		}
		redirect.addFlashAttribute(ATTRIBUTE, flash);
		seeOther();
		return "redirect:" + page;
	}

	/**
	 * Makes the redirect of this request a 303: the browser follows it with a GET whatever the
	 * method was (RedirectView reads the status from this request attribute).
	 */
	public static void seeOther() {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request != null) {
			request.setAttribute(View.RESPONSE_STATUS_ATTRIBUTE, HttpStatus.SEE_OTHER, RequestAttributes.SCOPE_REQUEST);
		}
	}

	/** What the redirect brought to this page (JSON types read back), or null on a plain GET. */
	public static FailedPost from(Model model) {
		if (!(model.getAttribute(ATTRIBUTE) instanceof Map<?, ?> flash)) {
			return null;
		}
		MultiValueMap<String, String> typed = new LinkedMultiValueMap<>();
		if (flash.get("typed") instanceof Map<?, ?> map) {
			map.forEach((name, values) -> {
				if (values instanceof List<?> list) {
					list.forEach(value -> typed.add(String.valueOf(name), String.valueOf(value)));
				}
			});
		}
		List<Rejected.Violation> violations = new ArrayList<>();
		if (flash.get("violations") instanceof List<?> pairs) {
			for (Object pair : pairs) {
				if (pair instanceof List<?> p && p.size() == 2) {
					violations.add(new Rejected.Violation(String.valueOf(p.get(0)), String.valueOf(p.get(1))));
				}
			}
		}
		Object subject = flash.get("subject");
		Object refusal = flash.get("refusal");
		return new FailedPost(subject == null ? "" : subject.toString(), typed, violations,
				refusal == null ? null : refusal.toString());
	}

	/** Whether this failure belongs to that form or row of the page. */
	public boolean isAbout(String what) {
		return this.subject.equals(what);
	}

	/** The first value typed in a field, or {@code fallback} when it was not posted. */
	public String value(String name, String fallback) {
		String value = this.typed.getFirst(name);
		return value == null ? fallback : value;
	}

	/** The field errors for the page, named by the page's input ids. */
	public FieldErrors errors(String messages, UnaryOperator<String> rename) {
		return FieldErrors.of(messages, this.violations, rename);
	}

}
