package cn.jiangmen.innovation.project.config;

import cn.jiangmen.innovation.project.application.execution.DeadlineWatch;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/** Runs the deadline watch on every replica; the watch's advisory lock lets one run at a time. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "jiangmen.project.deadline-watch.enabled", havingValue = "true", matchIfMissing = true)
@EnableScheduling
class DeadlineWatchSchedule implements SchedulingConfigurer {

	private final DeadlineWatch watch;

	private final DeadlineWatchProperties properties;

	DeadlineWatchSchedule(DeadlineWatch watch, DeadlineWatchProperties properties) {
		this.watch = watch;
		this.properties = properties;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		// the first run waits one minute, so a starting service is ready (and migrated) before it scans
		registrar.addFixedDelayTask(new FixedDelayTask(this.watch::scan, this.properties.interval(),
				java.time.Duration.ofMinutes(1)));
	}

}
