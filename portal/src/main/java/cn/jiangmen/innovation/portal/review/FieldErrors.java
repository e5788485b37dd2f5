package cn.jiangmen.innovation.portal.review;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * What review-service rejected, by the form field it belongs to, for messages next to the fields
 * ({@code review/fragments :: field-error}) and {@code aria-describedby} on them.
 *
 * <p>
 * A field's message is looked up as {@code review.error.<field>.<reason>} first (indices dropped:
 * {@code rubric.criteria[2].weight_percent} + {@code range} gives
 * {@code review.error.rubric.criteria.weight_percent.range}), then {@code review.error.<reason>},
 * then {@code review.error.invalid}. The form may rename what the service named (rows it left out,
 * items by id) with {@code rename}.
 */
public final class FieldErrors {

	private static final Pattern INDEX = Pattern.compile("\\[[^]]*]");

	private static final Pattern NOT_ID = Pattern.compile("[^A-Za-z0-9_-]");

	/** One field's problem: the message keys to try, most specific first. */
	public record Error(String field, String reason, String specificKey, String genericKey) {
	}

	private final Map<String, Error> errors;

	private FieldErrors(Map<String, Error> errors) {
		this.errors = errors;
	}

	public static FieldErrors none() {
		return new FieldErrors(Map.of());
	}

	public static FieldErrors of(List<ReviewPortalClient.Violation> violations, UnaryOperator<String> rename) {
		Map<String, Error> errors = new LinkedHashMap<>();
		for (ReviewPortalClient.Violation v : violations) {
			String reason = v.reason() == null || v.reason().isBlank() ? "invalid" : v.reason();
			String field = rename.apply(v.field());
			errors.putIfAbsent(field, new Error(field, reason,
					"review.error." + INDEX.matcher(v.field()).replaceAll("") + "." + reason, "review.error." + reason));
		}
		return new FieldErrors(errors);
	}

	/** One field, named by the portal itself (e.g. a choice left empty). */
	public static FieldErrors single(String field, String reason) {
		return of(List.of(new ReviewPortalClient.Violation(field, reason)), UnaryOperator.identity());
	}

	public boolean any() {
		return !this.errors.isEmpty();
	}

	public boolean has(String field) {
		return this.errors.containsKey(field);
	}

	public Error get(String field) {
		return this.errors.get(field);
	}

	public List<Error> all() {
		return List.copyOf(this.errors.values());
	}

	/** The id of the field's message element, for {@code aria-describedby}. */
	public String id(String field) {
		return "error-" + NOT_ID.matcher(field).replaceAll("-");
	}

	/** {@code aria-describedby} value: the message's id when the field has one, else null (no attribute). */
	public String describedBy(String field) {
		return has(field) ? id(field) : null;
	}

	/** {@code aria-invalid} value: "true" or null (no attribute). */
	public String invalid(String field) {
		return has(field) ? "true" : null;
	}

}
