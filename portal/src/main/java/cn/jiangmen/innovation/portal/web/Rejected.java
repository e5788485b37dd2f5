package cn.jiangmen.innovation.portal.web;

import java.util.List;

/**
 * A service answered INVALID_ARGUMENT: the fields to fix, as its {@code google.rpc.BadRequest}
 * named them. Pages catch it and show {@link FieldErrors} next to the inputs.
 */
public class Rejected extends RuntimeException {

	/**
	 * One field a service rejected.
	 *
	 * @param field the path as the service named it ({@code team[2].birthDate}, {@code rubric.criteria[0].code});
	 * {@code ""} for the request as a whole
	 * @param reason the reason code the page translates ({@code credit-code.check-digit}, {@code weights.sum})
	 */
	public record Violation(String field, String reason) {
	}

	private final transient List<Violation> violations;

	public Rejected(String service, List<Violation> violations) {
		super(service + " rejected fields " + violations);
		this.violations = List.copyOf(violations);
	}

	public List<Violation> violations() {
		return this.violations;
	}

	public List<String> fields() {
		return this.violations.stream().map(Violation::field).toList();
	}

}
