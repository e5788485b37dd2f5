package cn.jiangmen.innovation.platform.error;

/**
 * The object does not exist, or the caller may not know that it exists: per-object denials use
 * this too, so that ids of other organisations cannot be probed.
 */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String what, Object id) {
		super(what + " " + id + " not found");
	}

}
