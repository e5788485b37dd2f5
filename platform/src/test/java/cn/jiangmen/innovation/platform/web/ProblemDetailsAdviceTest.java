package cn.jiangmen.innovation.platform.web;

import java.util.List;
import java.util.Map;

import cn.jiangmen.innovation.platform.error.FieldViolation;
import cn.jiangmen.innovation.platform.error.InvalidInputException;
import org.junit.jupiter.api.Test;

import org.springframework.http.ProblemDetail;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemDetailsAdviceTest {

	private final ProblemDetailsAdvice advice = new ProblemDetailsAdvice();

	@Test
	@SuppressWarnings("unchecked")
	void invalidInputBecomesBadRequestWithFieldErrors() {
		ProblemDetail problem = this.advice.invalidInput(new InvalidInputException(
				List.of(new FieldViolation("creditCode", "credit-code.check-digit", "check digit does not match"))));
		assertThat(problem.getStatus()).isEqualTo(400);
		assertThat(problem.getDetail()).contains("creditCode");
		assertThat(problem.getProperties()).containsKey("errors");
		assertThat((List<Object>) problem.getProperties().get("errors")).containsExactly((Object) Map.of("field", "creditCode",
				"code", "credit-code.check-digit", "message", "check digit does not match"));
	}

	@Test
	void unexpectedFailureHidesInternals() {
		ProblemDetail problem = this.advice.unexpected(new IllegalStateException("SQL state 23505 at row 7"));
		assertThat(problem.getStatus()).isEqualTo(500);
		assertThat(problem.getDetail()).doesNotContain("SQL");
	}

}
