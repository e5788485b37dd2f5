package cn.jiangmen.innovation.platform.error;

import java.util.List;

/**
 * Input that breaks a rule: becomes a 400 problem detail on REST and INVALID_ARGUMENT on gRPC,
 * both naming every offending field. Thrown before anything is written.
 */
public class InvalidInputException extends RuntimeException {

	private final List<FieldViolation> violations;

	public InvalidInputException(List<FieldViolation> violations) {
		super(summary(violations));
		if (violations.isEmpty()) {
			throw new IllegalArgumentException("An invalid input needs at least one violation");
		}
		this.violations = List.copyOf(violations);
	}

	public InvalidInputException(String field, String code, String message) {
		this(List.of(new FieldViolation(field, code, message)));
	}

	public List<FieldViolation> violations() {
		return this.violations;
	}

	private static String summary(List<FieldViolation> violations) {
		StringBuilder text = new StringBuilder("Invalid input:");
		for (FieldViolation violation : violations) {
			text.append(' ').append(violation.field()).append(" (").append(violation.message()).append(");");
		}
		return text.toString();
	}

}
