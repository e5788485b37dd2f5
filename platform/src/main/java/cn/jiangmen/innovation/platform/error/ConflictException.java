package cn.jiangmen.innovation.platform.error;

/** The request is well-formed but the object's current state does not allow it. */
public class ConflictException extends RuntimeException {

	private final String code;

	public ConflictException(String code, String message) {
		super(message);
		this.code = code;
	}

	public String code() {
		return this.code;
	}

}
