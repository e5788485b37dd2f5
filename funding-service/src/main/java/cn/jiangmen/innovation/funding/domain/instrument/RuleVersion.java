package cn.jiangmen.innovation.funding.domain.instrument;

import java.time.Instant;
import java.util.Objects;

/** One version of an instrument's rules for a fiscal year, with who set it and when. */
public record RuleVersion<T>(Instrument instrument, int fiscalYear, long version, T rules, String setBySubject,
		String setByName, Instant setAt) {

	public RuleVersion {
		Objects.requireNonNull(instrument, "instrument");
		Objects.requireNonNull(rules, "rules");
		Objects.requireNonNull(setAt, "setAt");
	}

}
