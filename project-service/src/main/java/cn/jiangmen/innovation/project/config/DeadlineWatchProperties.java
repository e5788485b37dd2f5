package cn.jiangmen.innovation.project.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The deadline watch ({@code jiangmen.project.deadline-watch.*}).
 *
 * @param enabled off in tests that drive {@code DeadlineWatch#scan()} by hand on a fixed clock
 * @param interval pause between runs; a run is cheap (two inserts from one select each)
 */
@ConfigurationProperties("jiangmen.project.deadline-watch")
public record DeadlineWatchProperties(@DefaultValue("true") boolean enabled, @DefaultValue("PT1H") Duration interval) {
}
