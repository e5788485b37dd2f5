package cn.jiangmen.innovation.platform.error;

/**
 * Another service (or a store) did not answer in time or could not be reached: the caller should
 * retry later, and nothing was changed. One error model for every service: 503 with Retry-After on
 * REST ({@code ProblemDetailsAdvice}), UNAVAILABLE on gRPC ({@code GrpcStatusMapper}).
 */
public class DependencyUnavailableException extends RuntimeException {

	private final String dependency;

	public DependencyUnavailableException(String dependency, String message, Throwable cause) {
		super(message, cause);
		this.dependency = dependency;
	}

	/** What did not answer, e.g. {@code project-service}. */
	public String dependency() {
		return this.dependency;
	}

}
