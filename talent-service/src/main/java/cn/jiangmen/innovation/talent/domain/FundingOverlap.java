package cn.jiangmen.innovation.talent.domain;

import java.time.Instant;
import java.time.Period;
import java.util.Objects;

/**
 * When a person counts as already funded: they are on an application awarded in another call
 * within the support period (the years a talent award pays out; five for the Pearl River
 * programme's teams and leading talents). Such a person is flagged, not refused: the bureau decides.
 */
public record FundingOverlap(Period supportPeriod) {

	public static final Period DEFAULT_SUPPORT_PERIOD = Period.ofYears(5);

	public FundingOverlap {
		Objects.requireNonNull(supportPeriod, "supportPeriod");
		if (supportPeriod.isNegative() || supportPeriod.isZero()) {
			throw new IllegalArgumentException("The support period must be positive");
		}
	}

	/** Awards at or after this instant are still paying out at {@code now}. */
	public Instant awardedSince(Instant now) {
		return now.atZone(TalentCall.ZONE).minus(this.supportPeriod).toInstant();
	}

}
