package cn.jiangmen.innovation.talent.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;

/**
 * Bean-validation failures as field-level problem details ({@code errors[]} of field, code,
 * message), the same shape as platform's InvalidInputException answers. Needed because Spring
 * Boot's own problem-details advice otherwise answers these first, without the fields (platform's
 * advice carries no order); remove once platform orders its advice first.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ValidationProblems {

	@ExceptionHandler(MethodArgumentNotValidException.class)
	ProblemDetail invalidBody(MethodArgumentNotValidException ex) {
		List<Map<String, String>> errors = new ArrayList<>();
		for (FieldError error : ex.getBindingResult().getFieldErrors()) {
			errors.add(Map.of("field", error.getField(), "code", String.valueOf(error.getCode()), "message",
					String.valueOf(error.getDefaultMessage())));
		}
		ex.getBindingResult()
			.getGlobalErrors()
			.forEach(error -> errors.add(Map.of("field", error.getObjectName(), "code", String.valueOf(error.getCode()),
					"message", String.valueOf(error.getDefaultMessage()))));
		return problem(errors);
	}

	@ExceptionHandler(HandlerMethodValidationException.class)
	ProblemDetail invalidParameters(HandlerMethodValidationException ex) {
		List<Map<String, String>> errors = new ArrayList<>();
		ex.getParameterValidationResults()
			.forEach(result -> result.getResolvableErrors()
				.forEach(error -> errors.add(Map.of("field",
						String.valueOf(result.getMethodParameter().getParameterName()), "code",
						String.valueOf(error.getCodes() == null || error.getCodes().length == 0 ? "constraint"
								: error.getCodes()[error.getCodes().length - 1]),
						"message", String.valueOf(error.getDefaultMessage())))));
		return problem(errors);
	}

	private static ProblemDetail problem(List<Map<String, String>> errors) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request has invalid fields: "
				+ String.join(", ", errors.stream().map(e -> e.get("field")).distinct().toList()));
		problem.setTitle("Invalid input");
		problem.setProperty("errors", errors);
		return problem;
	}

}
