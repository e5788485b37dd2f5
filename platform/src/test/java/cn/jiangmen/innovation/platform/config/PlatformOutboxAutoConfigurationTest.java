package cn.jiangmen.innovation.platform.config;

import cn.jiangmen.innovation.platform.outbox.Outbox;
import cn.jiangmen.innovation.platform.outbox.OutboxDestination;
import cn.jiangmen.innovation.platform.outbox.OutboxMessage;
import cn.jiangmen.innovation.platform.outbox.OutboxProperties;
import cn.jiangmen.innovation.platform.outbox.OutboxRelay;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.scheduling.config.ScheduledTaskHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox exists only in services that switch it on; its relay is scheduled unless a test
 * drives it by hand. (Only beans are created here; the JDBC outbox itself is exercised against
 * PostgreSQL in the services' integration tests.)
 */
class PlatformOutboxAutoConfigurationTest {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(PlatformOutboxAutoConfiguration.class))
		.withBean(JdbcClient.class, () -> JdbcClient.create(new DriverManagerDataSource("jdbc:postgresql://localhost:1/none")))
		.withBean(OutboxDestination.class, () -> new OutboxDestination() {
			@Override
			public String destination() {
				return OutboxMessage.REVIEW_OPEN;
			}

			@Override
			public void deliver(OutboxMessage message) {
			}
		});

	@Test
	void offUnlessTheServiceSwitchesItOn() {
		this.runner.run(context -> {
			assertThat(context).doesNotHaveBean(Outbox.class);
			assertThat(context).doesNotHaveBean(OutboxRelay.class);
		});
	}

	@Test
	void onWithAScheduledRelayAtTheConfiguredInterval() {
		this.runner.withPropertyValues("jiangmen.outbox.enabled=true", "jiangmen.outbox.relay.interval=PT3S")
			.run(context -> {
				assertThat(context).hasSingleBean(Outbox.class);
				assertThat(context).hasSingleBean(OutboxRelay.class);
				assertThat(context).hasSingleBean(io.micrometer.core.instrument.binder.MeterBinder.class);
				assertThat(context.getBean(OutboxProperties.class).relay().interval()).hasSeconds(3);
				assertThat(context.getBean(OutboxProperties.class).relay().batch()).isEqualTo(50);
				assertThat(context.getBeansOfType(ScheduledTaskHolder.class).values()
					.stream()
					.mapToLong(holder -> holder.getScheduledTasks().size())
					.sum()).isEqualTo(1);
			});
	}

	@Test
	void testsCanSwitchTheScheduleOffAndDriveTheRelayByHand() {
		this.runner.withPropertyValues("jiangmen.outbox.enabled=true", "jiangmen.outbox.relay.enabled=false")
			.run(context -> {
				assertThat(context).hasSingleBean(OutboxRelay.class);
				assertThat(context.getBeansOfType(ScheduledTaskHolder.class).values()
					.stream()
					.mapToLong(holder -> holder.getScheduledTasks().size())
					.sum()).isZero();
			});
	}

	@Test
	void aServiceThatSwitchesItOnGetsTheOutboxTableMigrationWithoutCopyingIt() {
		this.runner.withPropertyValues("jiangmen.outbox.enabled=true").run(context -> {
			org.flywaydb.core.api.configuration.FluentConfiguration flyway = org.flywaydb.core.Flyway.configure()
				.locations("classpath:db/migration", "classpath:db/platform");
			context.getBean(org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer.class)
				.customize(flyway);
			assertThat(flyway.getLocations()).extracting(Object::toString)
				.containsExactly("classpath:db/migration", "classpath:db/platform", "classpath:db/platform-outbox");
		});
		this.runner.run(context -> assertThat(context)
			.doesNotHaveBean(org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer.class));
	}

}
