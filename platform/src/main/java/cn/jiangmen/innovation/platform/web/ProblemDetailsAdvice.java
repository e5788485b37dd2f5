package cn.jiangmen.innovation.platform.web;

import java.util.List;
import java.util.Map;

import cn.jiangmen.innovation.platform.error.ConflictException;
import cn.jiangmen.innovation.platform.error.DependencyUnavailableException;
import cn.jiangmen.innovation.platform.error.FieldViolation;
import cn.jiangmen.innovation.platform.error.InvalidInputException;
import cn.jiangmen.innovation.platform.error.NotFoundException;
import cn.jiangmen.innovation.platform.json.JsonPaths;
import cn.jiangmen.innovation.platform.json.JsonTypes;
import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Maps every failure a REST controller can meet to an RFC 9457 problem detail. Field errors go in
 * an {@code errors} array of {@code {field, code, message}} so that clients can show them beside
 * the right input. Unknown failures become a 500 without internals.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

	@ExceptionHandler(InvalidInputException.class)
	ProblemDetail invalidInput(InvalidInputException ex) {
		return badRequest(ex.violations());
	}

	@ExceptionHandler(ConstraintViolationException.class)
	ProblemDetail constraintViolation(ConstraintViolationException ex) {
		return badRequest(ex.getConstraintViolations()
			.stream()
			.map(v -> new FieldViolation(leafName(v.getPropertyPath().toString()), "constraint", v.getMessage()))
			.toList());
	}

	@ExceptionHandler(NotFoundException.class)
	ProblemDetail notFound(NotFoundException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
	}

	@ExceptionHandler(ConflictException.class)
	ProblemDetail conflict(ConflictException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
		problem.setProperty("code", ex.code());
		return problem;
	}

	/** A dependency is down or slow: 503 with Retry-After, so clients retry instead of reporting a bug. */
	@ExceptionHandler(DependencyUnavailableException.class)
	org.springframework.http.ResponseEntity<ProblemDetail> unavailable(DependencyUnavailableException ex) {
		log.warn("{} unavailable: {}", ex.dependency(), ex.getMessage());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				ex.dependency() + " is not reachable right now; nothing was changed. Please try again shortly.");
		problem.setTitle("Dependency unavailable");
		problem.setProperty("dependency", ex.dependency());
		return org.springframework.http.ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(org.springframework.http.HttpHeaders.RETRY_AFTER, "5")
			.body(problem);
	}

	@ExceptionHandler(AccessDeniedException.class)
	ProblemDetail accessDenied(AccessDeniedException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "You are not allowed to do this.");
	}

	/** Tomcat could not decode a query parameter (a bad percent escape such as {@code %ff}). */
	@ExceptionHandler(org.apache.tomcat.util.http.InvalidParameterException.class)
	ProblemDetail undecodableParameter(org.apache.tomcat.util.http.InvalidParameterException ex) {
		java.util.regex.Matcher name = java.util.regex.Pattern.compile("Parameter \\[([^\\]]{1,64})\\]")
			.matcher(String.valueOf(ex.getMessage()));
		return badRequest(List.of(new FieldViolation(name.find() ? name.group(1) : "query", "parameter.undecodable",
				"must be valid UTF-8 with correct percent-encoding")));
	}

	/** A body that is not multipart (a too large one is answered 413 by the base class) as its Content-Type says (no boundary, truncated parts). */
	@ExceptionHandler(MultipartException.class)
	ProblemDetail malformedMultipart(MultipartException ex) {
		return badRequest(List.of(new FieldViolation("body", "multipart.malformed",
				"must be a well-formed multipart/form-data body")));
	}

	@ExceptionHandler(Exception.class)
	ProblemDetail unexpected(Exception ex) {
		log.error("Unhandled failure", ex);
		return ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				"Something went wrong on our side; nothing was changed. Please try again later.");
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldViolation> violations = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map(ProblemDetailsAdvice::toViolation)
			.toList();
		if (violations.isEmpty()) {
			violations = ex.getBindingResult()
				.getGlobalErrors()
				.stream()
				.map(e -> new FieldViolation(e.getObjectName(), String.valueOf(e.getCode()),
						String.valueOf(e.getDefaultMessage())))
				.toList();
		}
		return ResponseEntity.badRequest().body(badRequest(violations));
	}

	/** Unreadable JSON names the field it failed at, with Jackson's reason but without class names. */
	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Throwable cause = ex.getCause();
		FieldViolation violation;
		if (cause instanceof StreamReadException read) {
			violation = new FieldViolation(JsonPaths.of(read), "json.malformed", "is not well-formed JSON: "
					+ firstLine(read.getOriginalMessage()));
		}
		else if (cause instanceof JacksonException databind) {
			violation = new FieldViolation(JsonPaths.of(databind), "json.invalid", readable(databind));
		}
		else {
			violation = new FieldViolation("body", "json.malformed", "must be a JSON document");
		}
		return ResponseEntity.badRequest().body(badRequest(List.of(violation)));
	}

	/** Jackson's own messages name Java types; clients get what the field expected instead. */
	private static String readable(JacksonException ex) {
		String original = firstLine(ex.getOriginalMessage());
		if (ex instanceof tools.jackson.databind.exc.MismatchedInputException mismatch
				&& mismatch.getTargetType() != null && !original.startsWith("must ")) {
			return "has the wrong type: expected " + JsonTypes.describe(mismatch.getTargetType());
		}
		return original;
	}

	private static String firstLine(String text) {
		if (text == null) {
			return "";
		}
		int end = text.indexOf('\n');
		return end < 0 ? text : text.substring(0, end);
	}

	static ProblemDetail badRequest(List<FieldViolation> violations) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The request has invalid fields: "
						+ String.join(", ", violations.stream().map(FieldViolation::field).distinct().toList()));
		problem.setTitle("Invalid input");
		problem.setProperty("errors", violations.stream()
			.map(v -> Map.of("field", v.field(), "code", v.code(), "message", v.message()))
			.toList());
		return problem;
	}

	private static FieldViolation toViolation(FieldError error) {
		return new FieldViolation(error.getField(), String.valueOf(error.getCode()),
				String.valueOf(error.getDefaultMessage()));
	}

	private static String leafName(String path) {
		int dot = path.lastIndexOf('.');
		return dot < 0 ? path : path.substring(dot + 1);
	}

}
