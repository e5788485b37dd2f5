package cn.jiangmen.innovation.platform.config;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import cn.jiangmen.innovation.platform.outbox.JdbcOutbox;
import cn.jiangmen.innovation.platform.outbox.MicrometerOutboxTraceContext;
import cn.jiangmen.innovation.platform.outbox.Outbox;
import cn.jiangmen.innovation.platform.outbox.OutboxDestination;
import cn.jiangmen.innovation.platform.outbox.OutboxProperties;
import cn.jiangmen.innovation.platform.outbox.OutboxRelay;
import cn.jiangmen.innovation.platform.outbox.OutboxTraceContext;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.flywaydb.core.api.Location;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * The transactional outbox: messages written in the same transaction as the state change that
 * caused them, relayed on a schedule with retries. On with {@code jiangmen.outbox.enabled=true},
 * which also adds the outbox table's migration ({@code classpath:db/platform-outbox}) to Flyway.
 */
@AutoConfiguration(afterName = { "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration",
		"org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration",
		"org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration" })
@ConditionalOnProperty(name = "jiangmen.outbox.enabled", havingValue = "true")
@EnableConfigurationProperties(OutboxProperties.class)
public class PlatformOutboxAutoConfiguration {

	static final String MIGRATIONS = "classpath:db/platform-outbox";

	@Bean
	@ConditionalOnMissingBean
	OutboxTraceContext outboxTraceContext(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
		Tracer t = tracer.getIfAvailable();
		Propagator p = propagator.getIfAvailable();
		return t != null && p != null ? new MicrometerOutboxTraceContext(t, p) : OutboxTraceContext.NONE;
	}

	@Bean
	@ConditionalOnBean(JdbcClient.class)
	@ConditionalOnMissingBean
	Outbox outbox(JdbcClient jdbc, OutboxTraceContext trace) {
		return new JdbcOutbox(jdbc, trace);
	}

	@Bean
	@ConditionalOnBean(Outbox.class)
	@ConditionalOnMissingBean
	OutboxRelay outboxRelay(Outbox outbox, List<OutboxDestination> destinations, ObjectProvider<Clock> clock,
			OutboxProperties properties, OutboxTraceContext trace) {
		return new OutboxRelay(outbox, destinations, clock.getIfAvailable(Clock::systemUTC),
				properties.relay().lease(), trace);
	}

	/** {@code jiangmen.outbox.messages{state=pending|parked}}: what waits, and what was refused for good. */
	@Bean
	@ConditionalOnBean(Outbox.class)
	MeterBinder outboxMeters(Outbox outbox) {
		return registry -> {
			Gauge.builder("jiangmen.outbox.messages", outbox, o -> o.counts().pending())
				.tag("state", "pending")
				.description("Outbox messages not yet delivered")
				.register(registry);
			Gauge.builder("jiangmen.outbox.messages", outbox, o -> o.counts().parked())
				.tag("state", "parked")
				.description("Outbox messages refused for good by their receiver (dead letters)")
				.register(registry);
		};
	}

	/** The outbox table's DDL ships with the outbox: a service enabling it copies no migration. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ FlywayConfigurationCustomizer.class, Location.class })
	static class OutboxMigrations {

		@Bean
		FlywayConfigurationCustomizer platformOutboxMigrations() {
			return configuration -> {
				List<Location> locations = new ArrayList<>(Arrays.asList(configuration.getLocations()));
				Location outbox = new Location(MIGRATIONS);
				if (!locations.contains(outbox)) {
					locations.add(outbox);
				}
				configuration.locations(locations.toArray(Location[]::new));
			};
		}

	}

	// No @ConditionalOnBean(OutboxRelay) here: a nested configuration is processed before the outer
	// class's bean methods, so the condition would never match; the relay is looked up lazily instead.
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = "jiangmen.outbox.relay.enabled", havingValue = "true", matchIfMissing = true)
	@EnableScheduling
	static class RelaySchedule implements SchedulingConfigurer {

		private final ObjectProvider<OutboxRelay> relay;

		private final OutboxProperties properties;

		RelaySchedule(ObjectProvider<OutboxRelay> relay, OutboxProperties properties) {
			this.relay = relay;
			this.properties = properties;
		}

		@Override
		public void configureTasks(ScheduledTaskRegistrar registrar) {
			OutboxRelay relay = this.relay.getIfAvailable();
			if (relay == null) {
				return;
			}
			int batch = this.properties.relay().batch();
			Duration interval = this.properties.relay().interval();
			// the first pass waits one interval, so a starting service is ready before it calls out
			registrar.addFixedDelayTask(new FixedDelayTask(() -> relay.relayDue(batch), interval, interval));
		}

	}

}
