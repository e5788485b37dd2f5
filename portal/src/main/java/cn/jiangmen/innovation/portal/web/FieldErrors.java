package cn.jiangmen.innovation.portal.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * What a service rejected, by the form field it belongs to, for the translated message next to
 * each field ({@code aria-describedby} on the input points at {@link #id}) and the error summary
 * on top of the form. The one model of every page's field errors, talent's and review's.
 *
 * <p>
 * A message is looked up as {@code <service>.error.<field>.<reason>} first (indices dropped:
 * {@code rubric.criteria[2].weight_percent} + {@code range} gives
 * {@code review.error.rubric.criteria.weight_percent.range}), then {@code <service>.error.<reason>},
 * then the page's generic message. The form may rename what the service named into its own input
 * ids (rows it left out, items by id, a category's fieldset) with {@code rename}.
 */
public final class FieldErrors {

	private static final Pattern INDEX = Pattern.compile("\\[[^]]*]");

	private static final Pattern NOT_ID = Pattern.compile("[^A-Za-z0-9_-]");

	/**
	 * One field's problem.
	 *
	 * @param field the form's name for it ({@code ""}: the form as a whole)
	 * @param reason the service's reason code
	 * @param specificKey message key for this field and reason
	 * @param genericKey message key for the reason alone
	 * @param path the name the service gave it (the application form's inputs are named so)
	 * @param labelKey message key naming the field in the error summary ({@code <service>.field.<path>}
	 * without indices), or null
	 * @param labelRow the 1-based row of a field in a list ({@code {0}} of the label), or null
	 * @param labelArgKey a message key whose text is {@code {0}} of the label instead (a category's
	 * name), or null
	 */
	public record Error(String field, String reason, String specificKey, String genericKey, String path,
			String labelKey, Integer labelRow, String labelArgKey) {

		/** The same problem named otherwise in the summary. */
		public Error labelled(String key, String argKey) {
			return new Error(this.field, this.reason, this.specificKey, this.genericKey, this.path, key, this.labelRow,
					argKey);
		}
	}

	private static final Pattern FIRST_INDEX = Pattern.compile("\\[(\\d+)]");

	private final Map<String, List<Error>> errors;

	private FieldErrors(Map<String, List<Error>> errors) {
		this.errors = errors;
	}

	public static FieldErrors none() {
		return new FieldErrors(Map.of());
	}

	/**
	 * @param messages the message prefix of the pages ({@code talent}, {@code review})
	 * @param rename what the service named to the form's input id
	 */
	public static FieldErrors of(String messages, List<Rejected.Violation> violations, UnaryOperator<String> rename) {
		Map<String, List<Error>> errors = new LinkedHashMap<>();
		for (Rejected.Violation v : violations) {
			String reason = v.reason() == null || v.reason().isBlank() ? "invalid" : v.reason();
			String field = rename.apply(v.field() == null ? "" : v.field());
			String path = INDEX.matcher(v.field() == null ? "" : v.field()).replaceAll("");
			java.util.regex.Matcher index = FIRST_INDEX.matcher(v.field() == null ? "" : v.field());
			Integer row = index.find() ? Integer.parseInt(index.group(1)) + 1 : null;
			errors.computeIfAbsent(field, key -> new ArrayList<>())
				.add(new Error(field, reason, messages + ".error." + path + "." + reason, messages + ".error." + reason,
						v.field() == null ? "" : v.field(), path.isEmpty() ? null : messages + ".field." + path, row,
						null));
		}
		return new FieldErrors(errors);
	}

	/** One field, named by the portal itself (e.g. a choice left empty). */
	public static FieldErrors single(String messages, String field, String reason) {
		return of(messages, List.of(new Rejected.Violation(field, reason)), UnaryOperator.identity());
	}

	/** The same errors, each named in the summary as {@code label} says (e.g. with its category). */
	public FieldErrors labelled(UnaryOperator<Error> label) {
		Map<String, List<Error>> relabelled = new LinkedHashMap<>();
		this.errors.forEach((field, list) -> relabelled.put(field, list.stream().map(label).toList()));
		return new FieldErrors(relabelled);
	}

	/** The service's violations again (what a redirect carries in its flash attributes). */
	public List<Rejected.Violation> violations() {
		return all().stream().map(e -> new Rejected.Violation(e.path(), e.reason())).toList();
	}

	public boolean any() {
		return !this.errors.isEmpty();
	}

	public boolean has(String field) {
		return this.errors.containsKey(field);
	}

	/** The field's first problem (pages that show one message per field). */
	public Error get(String field) {
		List<Error> of = this.errors.get(field);
		return of == null ? null : of.get(0);
	}

	/** Every problem of the field, in the order the service named them. */
	public List<Error> of(String field) {
		return this.errors.getOrDefault(field, List.of());
	}

	/** Every problem, grouped by field in the order the fields were first named: the summary. */
	public List<Error> all() {
		return this.errors.values().stream().flatMap(List::stream).toList();
	}

	/** The id of the field's message element, for {@code aria-describedby}. */
	public String id(String field) {
		return "error-" + NOT_ID.matcher(field).replaceAll("-");
	}

	/** {@code aria-describedby} value: the message's id when the field has one, else null (no attribute). */
	public String describedBy(String field) {
		return has(field) ? id(field) : null;
	}

	/** {@code aria-describedby} value with a hint: the hint's id and the message's, or null when neither. */
	public String describedBy(String field, String hintId) {
		String joined = ((hintId == null ? "" : hintId) + " " + (has(field) ? id(field) : "")).strip();
		return joined.isEmpty() ? null : joined;
	}

	/** {@code aria-invalid} value: "true" or null (no attribute). */
	public String invalid(String field) {
		return has(field) ? "true" : null;
	}

}
