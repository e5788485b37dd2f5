package cn.jiangmen.innovation.portal.web;

/**
 * A service answered FAILED_PRECONDITION: a state, deadline or version rule said no. Pages show
 * the rule's translated reason (e.g. {@code call.deadline-passed}, {@code assignment.conflict}).
 */
public class Refused extends RuntimeException {

	private final String code;

	public Refused(String description, String code) {
		super(description);
		this.code = code;
	}

	/** The rule's reason code from the {@code google.rpc.ErrorInfo}; empty when the service named none. */
	public String code() {
		return this.code;
	}

}
