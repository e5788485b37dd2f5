package cn.jiangmen.innovation.project.config;

import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the expert panel's outcome of a mid-term check or final acceptance becomes pass / rectify /
 * fail ({@code CheckVerdict}).
 *
 * @param rectifyFloorHundredths the lowest final score (hundredths of a point, 0..10000) a round
 * that missed a threshold may still rectify (整改) rather than fail; default 45 points
 * @param rectifyPeriod how long the consortium has to rectify, counted from the day the outcome
 * arrives (Beijing time); default three months
 */
@ConfigurationProperties("jiangmen.project.check-rounds")
public record CheckRoundProperties(@DefaultValue("4500") int rectifyFloorHundredths,
		@DefaultValue("P3M") Period rectifyPeriod) {
}
