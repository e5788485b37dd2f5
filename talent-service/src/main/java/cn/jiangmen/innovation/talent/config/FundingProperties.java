package cn.jiangmen.innovation.talent.config;

import java.time.Period;

import cn.jiangmen.innovation.talent.domain.FundingOverlap;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code talent.funding.support-period}: how long an award keeps its people "already funded"
 * (default five years).
 */
@ConfigurationProperties("talent.funding")
public record FundingProperties(Period supportPeriod) {

	public FundingProperties {
		supportPeriod = supportPeriod == null ? FundingOverlap.DEFAULT_SUPPORT_PERIOD : supportPeriod;
	}

}
