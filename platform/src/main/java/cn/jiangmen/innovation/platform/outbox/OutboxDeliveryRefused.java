package cn.jiangmen.innovation.platform.outbox;

/**
 * Thrown by a destination when the receiver refused the message for good (not a transient
 * failure): the relay parks the message instead of retrying it.
 */
public class OutboxDeliveryRefused extends RuntimeException {

	public OutboxDeliveryRefused(String message, Throwable cause) {
		super(message, cause);
	}

}
