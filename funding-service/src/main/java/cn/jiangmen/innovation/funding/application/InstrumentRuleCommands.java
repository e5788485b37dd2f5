package cn.jiangmen.innovation.funding.application;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import cn.jiangmen.innovation.funding.domain.instrument.Instrument;
import cn.jiangmen.innovation.funding.domain.instrument.InstrumentAccess;
import cn.jiangmen.innovation.funding.domain.instrument.InstrumentRules;
import cn.jiangmen.innovation.funding.domain.instrument.RuleVersion;
import cn.jiangmen.innovation.platform.audit.Audit;
import cn.jiangmen.innovation.platform.domain.Caller;
import cn.jiangmen.innovation.platform.error.ConflictException;
import cn.jiangmen.innovation.platform.error.InvalidInputException;
import cn.jiangmen.innovation.platform.error.NotFoundException;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A program manager sets an instrument's rules for a fiscal year. Every change is a new version
 * (the earlier ones stay) and an audit record with the rules before and after; a change based on a
 * stale version is a conflict, so two managers never overwrite each other unseen.
 */
@Service
public class InstrumentRuleCommands {

	static final String OBJECT_TYPE = "instrument-rule";

	private final InstrumentRules rules;

	private final Audit audit;

	private final Clock clock;

	public InstrumentRuleCommands(InstrumentRules rules, Audit audit, Clock clock) {
		this.rules = rules;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * @param basedOnVersion the version the manager changed (null when setting the year's first rules)
	 * @param input builds and checks the rules; runs after the role check, so a stranger learns nothing
	 */
	@Transactional
	public <T> RuleVersion<T> set(Caller manager, Instrument instrument, int fiscalYear, Long basedOnVersion,
			Class<T> type, java.util.function.Supplier<T> input) {
		if (!InstrumentAccess.mayManage(manager)) {
			throw new AccessDeniedException("Only program managers set an instrument's rules");
		}
		requireYear(fiscalYear);
		T rules = input.get();
		var current = this.rules.current(instrument, fiscalYear, type);
		long currentVersion = current.map(RuleVersion::version).orElse(0L);
		if (currentVersion != (basedOnVersion == null ? 0L : basedOnVersion)) {
			throw new ConflictException("rule.stale", "The " + instrument + " rules of " + fiscalYear + " are at version "
					+ currentVersion + "; reload them and change that version");
		}
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		RuleVersion<T> next = new RuleVersion<>(instrument, fiscalYear, currentVersion + 1, rules, manager.subject(),
				manager.username(), now);
		if (!this.rules.add(next)) {
			throw new ConflictException("rule.stale", "Somebody else changed these rules just now; reload them");
		}
		this.audit.record(manager.username(), now, "instrument-rule.set", OBJECT_TYPE,
				instrument + "/" + fiscalYear, current.map(v -> snapshot(v)).orElse(null), snapshot(next));
		return next;
	}

	public <T> RuleVersion<T> current(Caller caller, Instrument instrument, int fiscalYear, Class<T> type) {
		if (!InstrumentAccess.mayReadRules(caller)) {
			throw new AccessDeniedException("Not allowed to read instrument rules");
		}
		return this.rules.current(instrument, fiscalYear, type)
			.orElseThrow(() -> new NotFoundException("Rules of " + instrument, fiscalYear));
	}

	public <T> List<RuleVersion<T>> history(Caller caller, Instrument instrument, int fiscalYear, Class<T> type) {
		if (!InstrumentAccess.mayReadRules(caller)) {
			throw new AccessDeniedException("Not allowed to read instrument rules");
		}
		return this.rules.history(instrument, fiscalYear, type);
	}

	/** The rules in force for a year, for the use cases: none is a conflict naming what is missing. */
	<T> T inForce(Instrument instrument, int fiscalYear, Class<T> type) {
		return this.rules.current(instrument, fiscalYear, type)
			.map(RuleVersion::rules)
			.orElseThrow(() -> new ConflictException("rule.missing",
					"No " + instrument + " rules are set for " + fiscalYear + ": a program manager sets them first"));
	}

	static void requireYear(int fiscalYear) {
		if (fiscalYear < 2000 || fiscalYear > 2100) {
			throw new InvalidInputException("fiscalYear", "out-of-range", "must be a year from 2000 to 2100");
		}
	}

	private static Map<String, Object> snapshot(RuleVersion<?> v) {
		return Map.of("version", v.version(), "rules", v.rules());
	}

}
