package cn.jiangmen.innovation.platform.config;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import cn.jiangmen.innovation.platform.outbox.JdbcOutbox;
import cn.jiangmen.innovation.platform.outbox.Outbox;
import cn.jiangmen.innovation.platform.outbox.OutboxDestination;
import cn.jiangmen.innovation.platform.outbox.OutboxProperties;
import cn.jiangmen.innovation.platform.outbox.OutboxRelay;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * The transactional outbox: messages written in the same transaction as the state change that
 * caused them, relayed on a schedule with retries. On with {@code jiangmen.outbox.enabled=true}.
 */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration")
@ConditionalOnProperty(name = "jiangmen.outbox.enabled", havingValue = "true")
@EnableConfigurationProperties(OutboxProperties.class)
public class PlatformOutboxAutoConfiguration {

	@Bean
	@ConditionalOnBean(JdbcClient.class)
	@ConditionalOnMissingBean
	Outbox outbox(JdbcClient jdbc) {
		return new JdbcOutbox(jdbc);
	}

	@Bean
	@ConditionalOnBean(Outbox.class)
	@ConditionalOnMissingBean
	OutboxRelay outboxRelay(Outbox outbox, List<OutboxDestination> destinations, ObjectProvider<Clock> clock) {
		return new OutboxRelay(outbox, destinations, clock.getIfAvailable(Clock::systemUTC));
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
