package cn.jiangmen.innovation.funding.web;

import cn.jiangmen.innovation.funding.application.DependencyUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A service funding depends on is down or slow: 503 with Retry-After, so clients retry instead of
 * reporting a bug. Ordered before the platform's catch-all advice.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class DependencyProblems {

	private static final Logger log = LoggerFactory.getLogger(DependencyProblems.class);

	@ExceptionHandler(DependencyUnavailableException.class)
	ResponseEntity<ProblemDetail> unavailable(DependencyUnavailableException ex) {
		log.warn("{} unavailable: {}", ex.dependency(), ex.getMessage());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				ex.dependency() + " is not reachable right now; nothing was changed. Please try again shortly.");
		problem.setTitle("Dependency unavailable");
		problem.setProperty("dependency", ex.dependency());
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5").body(problem);
	}

}
