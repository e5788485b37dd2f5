package cn.jiangmen.innovation.review.config;

import cn.jiangmen.innovation.review.application.ReminderService;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** Scheduled reminders; can be switched off (tests drive them by hand). The outbox relay is platform's. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SchedulingConfiguration {

	@Bean
	@ConditionalOnProperty(name = "review.reminders.enabled", havingValue = "true", matchIfMissing = true)
	ReminderJob reminderJob(ReminderService reminders) {
		return new ReminderJob(reminders);
	}

	static class ReminderJob {

		private final ReminderService reminders;

		ReminderJob(ReminderService reminders) {
			this.reminders = reminders;
		}

		@Scheduled(fixedDelayString = "${review.reminders.interval:PT15M}", initialDelayString = "PT30S")
		void remind() {
			this.reminders.remindDue();
		}

	}

}
