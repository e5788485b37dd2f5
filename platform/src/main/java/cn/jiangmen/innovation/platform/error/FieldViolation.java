package cn.jiangmen.innovation.platform.error;

import java.util.Objects;

/**
 * One rejected input field. {@code code} is a stable key (for example {@code credit-code.check-digit})
 * that the portal translates; {@code message} is a plain-English fallback for API clients.
 */
public record FieldViolation(String field, String code, String message) {

	public FieldViolation {
		Objects.requireNonNull(field, "field");
		Objects.requireNonNull(code, "code");
		Objects.requireNonNull(message, "message");
	}

}
