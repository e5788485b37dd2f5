package cn.jiangmen.innovation.platform.outbox;

/**
 * Carries the trace of the request that wrote a message over to its delivery: the W3C
 * {@code traceparent} is stored with the message and the relay sends inside it. Without tracing,
 * {@link #NONE} stores nothing and runs the delivery as it is.
 */
public interface OutboxTraceContext {

	OutboxTraceContext NONE = new OutboxTraceContext() {
		@Override
		public String currentTraceparent() {
			return null;
		}

		@Override
		public void inTrace(String traceparent, String name, Delivery delivery) throws Exception {
			delivery.run();
		}
	};

	/** The current span as a W3C {@code traceparent}, or null outside a trace. */
	String currentTraceparent();

	/** Runs {@code delivery} in a new span {@code name}, a child of {@code traceparent} when there is one. */
	void inTrace(String traceparent, String name, Delivery delivery) throws Exception;

	@FunctionalInterface
	interface Delivery {

		void run() throws Exception;

	}

}
