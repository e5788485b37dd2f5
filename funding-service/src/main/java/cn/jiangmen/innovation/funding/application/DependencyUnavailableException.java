package cn.jiangmen.innovation.funding.application;

/** Another service did not answer in time or could not be reached: retry later (503), not our bug (500). */
public class DependencyUnavailableException extends RuntimeException {

	private final String dependency;

	public DependencyUnavailableException(String dependency, String message, Throwable cause) {
		super(message, cause);
		this.dependency = dependency;
	}

	public String dependency() {
		return this.dependency;
	}

}
