package cn.jiangmen.innovation.platform.outbox;

import java.util.HashMap;
import java.util.Map;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

/**
 * {@link OutboxTraceContext} on Micrometer Tracing: the {@code traceparent} is what the configured
 * propagator (W3C) writes for the current span, and a delivery becomes a span of that same trace,
 * so the gRPC client observation passes the writer's trace id on to the receiving service.
 */
public class MicrometerOutboxTraceContext implements OutboxTraceContext {

	static final String TRACEPARENT = "traceparent";

	private final Tracer tracer;

	private final Propagator propagator;

	public MicrometerOutboxTraceContext(Tracer tracer, Propagator propagator) {
		this.tracer = tracer;
		this.propagator = propagator;
	}

	@Override
	public String currentTraceparent() {
		Span span = this.tracer.currentSpan();
		if (span == null) {
			return null;
		}
		Map<String, String> carrier = new HashMap<>();
		this.propagator.inject(span.context(), carrier, Map::put);
		return carrier.get(TRACEPARENT);
	}

	@Override
	public void inTrace(String traceparent, String name, Delivery delivery) throws Exception {
		Span.Builder builder = traceparent == null ? this.tracer.spanBuilder()
				: this.propagator.extract(Map.of(TRACEPARENT, traceparent), Map::get);
		// kind PRODUCER: the message was produced earlier, in the request this span continues
		Span span = builder.name(name).kind(Span.Kind.PRODUCER).start();
		try (Tracer.SpanInScope scope = this.tracer.withSpan(span)) {
			delivery.run();
		}
		catch (Exception | Error ex) {
			span.error(ex);
			throw ex;
		}
		finally {
			span.end();
		}
	}

}
