package cn.jiangmen.innovation.platform.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.otel.bridge.OtelBaggageManager;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A message written inside a request's trace is delivered inside that same trace, later and on
 * another thread: the W3C traceparent goes through the outbox table (real PostgreSQL, real
 * OpenTelemetry SDK behind Micrometer Tracing, as Boot wires it).
 */
class OutboxTraceIT {

	static OutboxDatabase db;

	static SdkTracerProvider provider;

	static Tracer tracer;

	static MicrometerOutboxTraceContext trace;

	@BeforeAll
	static void setUp() {
		db = OutboxDatabase.recreate("platform_outbox_trace_it");
		db.migrate("classpath:db/platform-outbox");
		provider = SdkTracerProvider.builder().build();
		OpenTelemetrySdk otel = OpenTelemetrySdk.builder()
			.setTracerProvider(provider)
			.setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
			.build();
		io.opentelemetry.api.trace.Tracer otelTracer = otel.getTracer("outbox-trace-it");
		OtelCurrentTraceContext current = new OtelCurrentTraceContext();
		tracer = new OtelTracer(otelTracer, current, event -> {
		}, new OtelBaggageManager(current, List.of(), List.of()));
		trace = new MicrometerOutboxTraceContext(tracer, new OtelPropagator(otel.getPropagators(), otelTracer));
	}

	@AfterAll
	static void tearDown() {
		provider.close();
		db.close();
	}

	@Test
	void theRelayDeliversInsideTheTraceOfTheRequestThatWroteTheMessage() throws Exception {
		JdbcOutbox outbox = new JdbcOutbox(JdbcClient.create(db.dataSource), trace);
		Span request = tracer.nextSpan().name("portal action").start();
		try (Tracer.SpanInScope scope = tracer.withSpan(request)) {
			outbox.add(OutboxMessage.pending("test.Receive", "traced-1", "{}", Instant.now().minusSeconds(1)));
		}
		finally {
			request.end();
		}
		// the relay runs later, on its own thread, with no span of its own
		assertThat(tracer.currentSpan()).isNull();

		AtomicReference<Span> seen = new AtomicReference<>();
		OutboxDestination receiver = new OutboxDestination() {
			@Override
			public String destination() {
				return "test.Receive";
			}

			@Override
			public void deliver(OutboxMessage message) {
				seen.set(tracer.currentSpan());
			}
		};
		OutboxRelay relay = new OutboxRelay(outbox, List.of(receiver), Clock.systemUTC(), Duration.ofMinutes(1), trace);
		assertThat(relay.relayDue(10)).isEqualTo(1);

		assertThat(seen.get()).isNotNull();
		assertThat(seen.get().context().traceId()).isEqualTo(request.context().traceId());
		assertThat(seen.get().context().parentId()).isEqualTo(request.context().spanId());
		assertThat(tracer.currentSpan()).as("the delivery span is closed again").isNull();
	}

}
